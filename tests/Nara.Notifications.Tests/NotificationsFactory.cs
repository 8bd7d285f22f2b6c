using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Contracts;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;
using Nara.Notifications.Features;
using Nara.Testing;

namespace Nara.Notifications.Tests;

/// <summary>
/// A host without demo data whose email goes to an in-process SMTP catcher. The dispatcher runs only
/// when a test calls <see cref="DispatchAllAsync"/>, unless a test switches the background worker on.
/// </summary>
public class NotificationsFactory : NaraFactory
{
    public NotificationsFactory()
    {
        Residents = 0;
        Catcher = new SmtpCatcher();
        With("Nara:Seed:OnStart", "false");
        With("Nara:Notifications:Smtp:Host", "127.0.0.1");
        With("Nara:Notifications:Smtp:Port", Catcher.Port.ToString(CultureInfo.InvariantCulture));
        With("Nara:Notifications:Smtp:TimeoutSeconds", "5");
        With("Nara:Notifications:DispatchInBackground", "false");
        With("Nara:Outbox:DispatchInBackground", "false");
    }

    public SmtpCatcher Catcher { get; }

    /// <summary>Registers an agency client with Notifications scopes and returns an HTTP client carrying its key.</summary>
    public async Task<HttpClient> AgencyClientAsync(string agency = "NHIS", bool test = false, int? perSecond = null, int? burst = null, int? dailyCap = null, string? callbackUrl = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var id = $"KR/GOV/{agency}/notify-{Guid.NewGuid():N}"[..40];
        var registration = await scope.ServiceProvider.GetRequiredService<IAgencyClientAdministration>()
            .RegisterAsync(new NewAgencyClient(id, agency, "Test sender", ["notifications:send", "notifications:templates:write"]), CancellationToken.None);
        Assert.True(registration.Succeeded, registration.Error);
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        db.Clients.Add(new ClientSettings { ClientId = id, TestMode = test, RequestsPerSecond = perSecond, Burst = burst, DailyCap = dailyCap, CallbackUrl = callbackUrl });
        await db.SaveChangesAsync();
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", registration.Key);
        return client;
    }

    /// <summary>Runs the dispatcher until nothing is due at the test clock's now.</summary>
    public async Task DispatchAllAsync()
    {
        var dispatch = Services.GetRequiredService<DispatchMessages>();
        while (await dispatch.DispatchOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    internal async Task<T> InDbAsync<T>(Func<NotificationsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
    }

    public Task<int> MessageCountAsync() => InDbAsync(db => db.Messages.CountAsync());

    internal Task<Message> MessageAsync(Guid id) => InDbAsync(db => db.Messages.AsNoTracking().FirstAsync(m => m.Id == id));

    public static object Email(string to, string templateId = "govstack.email", string? key = null, Dictionary<string, string>? values = null) => new
    {
        templateId,
        recipient = new { email = to },
        personalisation = values ?? new Dictionary<string, string> { ["title"] = "안내", ["content"] = "검진 대상입니다." },
        idempotencyKey = key ?? Guid.NewGuid().ToString("N"),
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Catcher.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public static class HttpAssertions
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<T>())!;
}
