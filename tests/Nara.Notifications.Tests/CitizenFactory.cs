using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Notifications.Contracts;
using Nara.Testing;

namespace Nara.Notifications.Tests;

/// <summary>A Notifications host whose push channel may send to a fake push service on this machine.</summary>
public sealed class CitizenFactory : NotificationsFactory
{
    public CitizenFactory()
    {
        Push = new FakePushService();
        With("Nara:Notifications:Push:AllowHttp", "true");
        With("Nara:Notifications:Push:AllowedHosts:0", Push.BaseAddress.Host);
    }

    public FakePushService Push { get; }

    /// <summary>Sends a message to the account as a module would (the contract), kind and severity as given.</summary>
    public async Task<NotificationSendResult> SendToAsync(Guid accountId, string kind, string title = "안내", string? severity = null, string? channel = null, string? email = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<INotificationSender>();
        var request = new NotificationRequested(
            "govstack.email",
            new NotificationRecipient(AccountId: accountId, Email: email),
            new Dictionary<string, string> { ["title"] = title, ["content"] = $"{title} 본문입니다." },
            kind,
            Guid.NewGuid().ToString("N"),
            channel,
            Severity: severity);
        return await sender.SendAsync(request, CancellationToken.None);
    }

    /// <summary>A new citizen, signed in.</summary>
    public async Task<(Guid Account, HttpClient Client)> CitizenAsync(string name = "김시민")
    {
        var account = await this.CreateCitizenAsync(name);
        return (account, await this.SignedInAsAsync(account));
    }

    /// <summary>Registers a push device for the signed-in client as the page script does.</summary>
    public static async Task<HttpResponseMessage> SubscribeAsync(HttpClient client, string endpoint, BrowserPushKeys keys)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(keys);
        var page = await client.GetStringAsync(new Uri("/settings/notifications", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/push/subscriptions")
        {
            Content = JsonContent.Create(new { endpoint, keys = new { p256dh = keys.P256dh, auth = keys.Auth } }),
        };
        request.Headers.Add("RequestVerificationToken", OfficialAccounts.AntiforgeryToken(page));
        request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36");
        return await client.SendAsync(request);
    }

    /// <summary>Posts a form of the page at <paramref name="path"/> with its anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", OfficialAccounts.AntiforgeryToken(page))]);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>
    /// The audit log's entries about the account's notification settings, detail included. Read from the
    /// audit table itself: the officials' audit page does not show the detail.
    /// </summary>
    public Task<List<AuditRow>> AuditEntriesAsync(Guid account)
    {
        var subject = account.ToString("D");
        return InDbAsync(db => db.Database.SqlQuery<AuditRow>(
            $"SELECT \"Action\", \"Detail\" FROM audit_entries WHERE \"SubjectType\" = 'notification-preferences' AND \"SubjectId\" = {subject} ORDER BY \"Index\"").ToListAsync());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Push.DisposeAsync();
    }
}

public sealed record AuditRow(string Action, string? Detail);
