using System.Net.Http.Json;
using System.Text.Json;
using Nara.Notifications.Domain;

namespace Nara.Notifications.Tests;

/// <summary>The SMTP server is down in these tests unless a test starts it.</summary>
public class FaultTests(NotificationsFactory factory) : IClassFixture<NotificationsFactory>
{
    private async Task<Guid> SendAsync(string to)
    {
        var client = await factory.AgencyClientAsync();
        var response = await client.PostAsJsonAsync("/api/notifications/messages", NotificationsFactory.Email(to));
        return (await response.ReadAsync<JsonElement>()).GetProperty("messageIds")[0].GetGuid();
    }

    [Fact]
    public async Task With_the_SMTP_server_down_a_message_is_retried_with_backoff_then_ends_as_temporary_failure()
    {
        var id = await SendAsync("down@example.kr");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await factory.DispatchAllAsync();
            var m = await factory.MessageAsync(id);
            Assert.Equal(attempt, m.Attempts);
            if (attempt < 5)
            {
                Assert.Equal(MessageStatus.Sending, m.Status);
                Assert.Equal(TimeSpan.FromSeconds(30 * Math.Pow(2, attempt - 1)), m.NextAttemptAt - factory.Clock.GetUtcNow());
                factory.Clock.Advance(m.NextAttemptAt - factory.Clock.GetUtcNow());
            }
        }

        var final = await factory.MessageAsync(id);
        Assert.Equal(MessageStatus.TemporaryFailure, final.Status);
        Assert.NotNull(final.CompletedAt);
    }

    [Fact]
    public async Task A_message_queued_while_the_SMTP_server_is_down_is_delivered_once_it_comes_back()
    {
        var id = await SendAsync("later@example.kr");
        await factory.DispatchAllAsync();
        Assert.Equal(1, (await factory.MessageAsync(id)).Attempts);

        await factory.Catcher.StartAsync();
        try
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(30));
            await factory.DispatchAllAsync();

            Assert.Equal(MessageStatus.Delivered, (await factory.MessageAsync(id)).Status);
            Assert.Equal(1, factory.Catcher.Counts[id.ToString("D")]);
        }
        finally
        {
            await factory.Catcher.StopAsync();
        }
    }

    [Fact]
    public async Task A_kept_open_connection_the_mail_server_closed_meanwhile_is_replaced_and_the_message_is_delivered()
    {
        await factory.Catcher.StartAsync();
        try
        {
            var first = await SendAsync("first@example.kr");
            await factory.DispatchAllAsync();
            Assert.Equal(MessageStatus.Delivered, (await factory.MessageAsync(first)).Status);

            // The relay restarts (or drops idle connections): the pooled connection is now dead.
            await factory.Catcher.StopAsync();
            await factory.Catcher.StartAsync();

            var second = await SendAsync("second@example.kr");
            await factory.DispatchAllAsync();
            var m = await factory.MessageAsync(second);
            Assert.Equal(MessageStatus.Delivered, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.Equal(1, factory.Catcher.Counts[second.ToString("D")]);
        }
        finally
        {
            await factory.Catcher.StopAsync();
        }
    }

    [Fact]
    public async Task A_message_the_mail_server_refuses_with_a_5xx_reply_ends_as_technical_failure_shown_by_the_status_endpoint()
    {
        var client = await factory.AgencyClientAsync();
        var accepted = await client.PostAsJsonAsync("/api/notifications/messages", NotificationsFactory.Email("refused@example.kr"));
        var id = (await accepted.ReadAsync<JsonElement>()).GetProperty("messageIds")[0].GetGuid();
        await factory.Catcher.StartAsync();
        factory.Catcher.RefuseMessages = true;
        try
        {
            await factory.DispatchAllAsync();
        }
        finally
        {
            factory.Catcher.RefuseMessages = false;
            await factory.Catcher.StopAsync();
        }

        var status = await client.GetFromJsonAsync<JsonElement>($"/api/notifications/messages/{id}");
        Assert.Equal("technical-failure", status.GetProperty("status").GetString());
        Assert.Contains("554", status.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, status.GetProperty("attempts").GetInt32());
        Assert.Equal(JsonValueKind.String, status.GetProperty("completedAt").ValueKind);
        Assert.False(factory.Catcher.Counts.ContainsKey(id.ToString("D")));

        // A technical failure is final: no retry later.
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await factory.DispatchAllAsync();
        Assert.Equal(1, (await factory.MessageAsync(id)).Attempts);
    }
}
