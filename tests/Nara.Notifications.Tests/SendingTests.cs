using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nara.Notifications.Domain;

namespace Nara.Notifications.Tests;

public class SendingTests(NotificationsFactory factory) : IClassFixture<NotificationsFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.Catcher.StartAsync();

    public Task DisposeAsync() => factory.Catcher.StopAsync();

    [Fact]
    public async Task An_email_sent_through_the_API_reaches_the_SMTP_server_with_text_and_HTML_parts()
    {
        var client = await factory.AgencyClientAsync();

        var response = await client.PostAsJsonAsync("/api/notifications/messages", NotificationsFactory.Email("citizen@example.kr"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sent = await response.ReadAsync<JsonElement>();
        var id = sent.GetProperty("messageIds")[0].GetGuid();
        await factory.DispatchAllAsync();

        var mail = factory.Catcher.Messages.Single(m => m.Headers["X-Nara-Message-Id"] == id.ToString("D"));
        Assert.Equal("안내", mail.Subject);
        Assert.Equal("검진 대상입니다.", mail.TextBody?.Trim());
        Assert.Contains("<html lang=\"ko\">", mail.HtmlBody ?? "", StringComparison.Ordinal);
        var status = await client.GetFromJsonAsync<JsonElement>($"/api/notifications/messages/{id}");
        Assert.Equal("delivered", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_makes_one_message()
    {
        var client = await factory.AgencyClientAsync();
        var body = NotificationsFactory.Email("twice@example.kr", key: "same-key");

        var first = await client.PostAsJsonAsync("/api/notifications/messages", body);
        var second = await client.PostAsJsonAsync("/api/notifications/messages", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = await first.ReadAsync<JsonElement>();
        var b = await second.ReadAsync<JsonElement>();
        Assert.Equal(a.GetProperty("requestId").GetGuid(), b.GetProperty("requestId").GetGuid());
        Assert.True(b.GetProperty("duplicate").GetBoolean());
        Assert.Equal(1, await factory.InDbAsync(db => db.Messages.CountAsync(m => m.To == "twice@example.kr")));
    }

    [Fact]
    public async Task Sends_stored_together_read_back_exactly_as_accepted_with_their_events()
    {
        var client = await factory.AgencyClientAsync();
        var now = factory.Clock.GetUtcNow();

        // Concurrent sends land in one group commit, whose rows are written by multi-row inserts.
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            client.PostAsJsonAsync("/api/notifications/messages", NotificationsFactory.Email($"together{i}@example.kr", key: $"together-{i}-{Guid.NewGuid():N}"))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = new List<Guid>();
        foreach (var response in responses)
        {
            ids.Add((await response.ReadAsync<JsonElement>()).GetProperty("messageIds")[0].GetGuid());
        }

        var stored = await factory.InDbAsync(db => db.Messages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());
        Assert.Equal(12, stored.Count);
        Assert.All(stored, m =>
        {
            Assert.Equal(MessageStatus.Created, m.Status);
            Assert.Equal("email", m.Channel);
            Assert.StartsWith("together", m.To, StringComparison.Ordinal);
            Assert.Equal("안내", m.Subject);
            Assert.Null(m.AccountId);
            Assert.Null(m.LeaseOwner);
            Assert.False(m.Test);
            Assert.Equal(0, m.Attempts);
            Assert.Equal(now, m.CreatedAt);
            Assert.Equal(m.CreatedAt, m.NextAttemptAt);
        });
        var requests = stored.Select(m => m.RequestId).ToHashSet();
        Assert.Equal(12, await factory.InDbAsync(db => db.Requests.CountAsync(r => requests.Contains(r.Id) && r.MessageCount == 1)));
        var events = await factory.InDbAsync(db => db.OutboxMessages.AsNoTracking().Where(o => o.Type.EndsWith("NotificationAccepted")).Select(o => o.Payload).ToListAsync());
        Assert.All(requests, r => Assert.Contains(events, p => p.Contains(r.ToString(), StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("nhis.no-such-template", "someone@example.kr", "templateId")]
    [InlineData("govstack.email", "not-an-address", "recipient")]
    [InlineData("govstack.email", "someone@", "recipient")]
    public async Task Bad_input_is_refused_with_problem_details_and_nothing_is_queued(string templateId, string to, string field)
    {
        var client = await factory.AgencyClientAsync();
        var before = await factory.MessageCountAsync();

        var response = await client.PostAsJsonAsync("/api/notifications/messages", NotificationsFactory.Email(to, templateId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await factory.MessageCountAsync());
    }

    [Theory]
    [InlineData("010-123-456")] // too short
    [InlineData("02-1234-5678")] // a Seoul landline, not a mobile
    [InlineData("015-1234-5678")] // no such mobile prefix
    [InlineData("+1 650 253 0000")] // not Korean
    [InlineData("010-1234-5678a")]
    public async Task An_invalid_Korean_mobile_number_is_refused_with_problem_details_and_nothing_is_queued(string number)
    {
        var client = await factory.AgencyClientAsync();
        var before = await factory.MessageCountAsync();

        var response = await client.PostAsJsonAsync("/api/notifications/messages", new
        {
            templateId = "govstack.email", channel = "sms", recipient = new { phoneNumber = number },
            personalisation = new Dictionary<string, string> { ["title"] = "t", ["content"] = "c" }, idempotencyKey = Guid.NewGuid().ToString("N"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadAsync<JsonElement>();
        Assert.Contains("mobile number", problem.GetProperty("errors").GetProperty("recipient")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.MessageCountAsync());
    }

    [Fact]
    public async Task A_missing_placeholder_value_is_refused()
    {
        var client = await factory.AgencyClientAsync();
        var before = await factory.MessageCountAsync();

        var response = await client.PostAsJsonAsync("/api/notifications/messages", NotificationsFactory.Email("a@example.kr", values: new() { ["title"] = "제목" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("content", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.MessageCountAsync());
    }

    [Fact]
    public async Task An_SMS_over_2000_bytes_is_refused_and_a_short_one_goes_to_the_SMS_outbox()
    {
        var client = await factory.AgencyClientAsync();
        object Sms(string content) => new
        {
            templateId = "govstack.email", channel = "sms", recipient = new { phoneNumber = "010-1234-5678" },
            personalisation = new Dictionary<string, string> { ["title"] = "t", ["content"] = content }, idempotencyKey = Guid.NewGuid().ToString("N"),
        };

        var before = await factory.MessageCountAsync();
        var tooLong = await client.PostAsJsonAsync("/api/notifications/messages", Sms(new string('가', 1001)));
        Assert.Equal(before, await factory.MessageCountAsync());
        var fine = await client.PostAsJsonAsync("/api/notifications/messages", Sms("[나라] 검진 안내"));
        await factory.DispatchAllAsync();

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fine.StatusCode);
        var id = (await fine.ReadAsync<JsonElement>()).GetProperty("messageIds")[0].GetGuid();
        var file = Path.Combine(factory.Database.Directory, "sms-outbox", $"{id:N}.json");
        Assert.True(File.Exists(file));
        Assert.Contains("01012345678", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_client_gets_simulated_statuses_and_nothing_reaches_the_SMTP_server()
    {
        var client = await factory.AgencyClientAsync(test: true);

        var ok = await client.PostAsJsonAsync("/api/notifications/messages", NotificationsFactory.Email("sim-ok@example.kr"));
        var bad = await client.PostAsJsonAsync("/api/notifications/messages", NotificationsFactory.Email("perm-fail@example.kr"));
        await factory.DispatchAllAsync();

        var okId = (await ok.ReadAsync<JsonElement>()).GetProperty("messageIds")[0].GetGuid();
        var badId = (await bad.ReadAsync<JsonElement>()).GetProperty("messageIds")[0].GetGuid();
        Assert.Equal(MessageStatus.Delivered, (await factory.MessageAsync(okId)).Status);
        Assert.Equal(MessageStatus.PermanentFailure, (await factory.MessageAsync(badId)).Status);
        Assert.DoesNotContain(factory.Catcher.Messages, m => m.To.ToString().Contains("sim-ok", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_problem_details()
    {
        var client = await factory.AgencyClientAsync(perSecond: 1, burst: 2);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/notifications/messages", NotificationsFactory.Email($"rate{i}@example.kr"))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], statuses.Take(2));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses.Skip(2));
    }

    [Fact]
    public async Task A_client_at_its_daily_cap_gets_429_and_nothing_is_queued()
    {
        var client = await factory.AgencyClientAsync(dailyCap: 1);

        var first = await client.PostAsJsonAsync("/api/notifications/messages", NotificationsFactory.Email("cap1@example.kr"));
        var second = await client.PostAsJsonAsync("/api/notifications/messages", NotificationsFactory.Email("cap2@example.kr"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("daily-cap-reached", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.InDbAsync(db => db.Messages.CountAsync(m => m.To == "cap2@example.kr")));
    }

    [Fact]
    public async Task Sending_without_the_notifications_scope_or_a_key_is_refused()
    {
        var anonymous = factory.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/notifications/messages", NotificationsFactory.Email("x@example.kr"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
