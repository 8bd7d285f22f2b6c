using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Contracts;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;
using Nara.Notifications.Features;
using Nara.Testing;

namespace Nara.Audit.Tests;

/// <summary>A host whose notifications are dispatched only when a test says so.</summary>
public sealed class NotificationAuditFactory : NaraFactory
{
    public NotificationAuditFactory()
    {
        Residents = 0;
        With("Nara:Seed:OnStart", "false");
        With("Nara:Notifications:DispatchInBackground", "false");
    }
}

public sealed class NotificationAuditTests(NotificationAuditFactory factory) : IClassFixture<NotificationAuditFactory>
{
    private const string Address = "audit-citizen@example.kr";
    private const string Secret = "인증번호 834201 비밀 본문";

    // Written without escaping, so Korean text in a row would show as itself.
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task An_accepted_send_and_its_final_status_are_logged_without_the_address_body_or_code()
    {
        var (client, clientId) = await TestModeClientAsync();

        var response = await client.PostAsJsonAsync("/api/notifications/messages", new
        {
            templateId = "govstack.email",
            recipient = new { email = Address },
            personalisation = new Dictionary<string, string> { ["title"] = "안내 834201", ["content"] = Secret },
            idempotencyKey = "audit-send-1",
        });
        response.EnsureSuccessStatusCode();
        var sent = await response.Content.ReadFromJsonAsync<JsonElement>();
        var requestId = sent.GetProperty("requestId").GetGuid();
        var messageId = sent.GetProperty("messageIds")[0].GetGuid();
        await factory.Services.GetRequiredService<DispatchMessages>().DispatchOnceAsync(CancellationToken.None);
        await factory.DrainOutboxAsync();

        var accepted = Assert.Single(await EntriesAsync("notification-request", requestId.ToString("D")));
        Assert.Equal("notifications.send.accept", accepted.Action);
        Assert.Equal(clientId, accepted.ActorId);
        Assert.Equal("NHIS", accepted.ActorAgency);
        var completed = Assert.Single(await EntriesAsync("notification", messageId.ToString("D")));
        Assert.Equal("notifications.message.complete", completed.Action);
        Assert.Equal("success", completed.Outcome);
        Assert.Contains("\"delivered\"", completed.Detail, StringComparison.Ordinal);

        var everything = JsonSerializer.Serialize(new[] { accepted, completed }, Unescaped) + accepted.Detail + completed.Detail;
        Assert.DoesNotContain(Address, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("834201", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("비밀", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("\\uBE44", everything, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_refused_send_leaves_nothing_in_the_log()
    {
        var (client, clientId) = await TestModeClientAsync();

        var response = await client.PostAsJsonAsync("/api/notifications/messages", new
        {
            templateId = "govstack.email",
            recipient = new { email = "not-an-address" },
            personalisation = new Dictionary<string, string> { ["title"] = "t", ["content"] = "c" },
            idempotencyKey = "audit-refused",
        });
        await factory.DrainOutboxAsync();

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AuditDbContext>();
        Assert.False(await db.Entries.AnyAsync(e => e.ActorId == clientId && e.Module == "Notifications"));
    }

    private async Task<(HttpClient Client, string ClientId)> TestModeClientAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var id = $"KR/GOV/NHIS/audit-{Guid.NewGuid():N}"[..32];
        var registration = await scope.ServiceProvider.GetRequiredService<IAgencyClientAdministration>()
            .RegisterAsync(new NewAgencyClient(id, "NHIS", "Audit sender", ["notifications:send"]), CancellationToken.None);
        Assert.True(registration.Succeeded, registration.Error);

        // Test mode: delivery is simulated, so no SMTP server is needed to reach a final status.
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        db.Clients.Add(new ClientSettings { ClientId = id, TestMode = true });
        await db.SaveChangesAsync();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", registration.Key);
        return (client, id);
    }

    private async Task<List<Domain.AuditRecord>> EntriesAsync(string type, string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AuditDbContext>();
        return await db.Entries.AsNoTracking().Where(e => e.SubjectType == type && e.SubjectId == id).ToListAsync();
    }
}
