using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Nara.Notifications.Tests;

public class CrashTests
{
    [Fact]
    public async Task Stopping_one_of_two_hosts_mid_dispatch_still_delivers_every_message_exactly_once()
    {
        const int count = 600;
        await using var catcher = await SmtpCatcher.StartAsync();
        catcher.Delay = TimeSpan.FromMilliseconds(5);
        var first = Host(catcher);
        await first.InitializeAsync();
        var client = await first.AgencyClientAsync();
        var json = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"email\":\"crash").Append(i).Append("@example.kr\",\"personalisation\":{\"title\":\"t\",\"content\":\"c\"}}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/bulk?templateId=govstack.email&channel=email")
        {
            Content = new StringContent(json.Append(']').ToString(), Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", "crash" } },
        };
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(request)).StatusCode);

        // Both hosts dispatch from the same table; the first stops while it is sending.
        var second = Host(catcher);
        second.With("Nara:Database:ConnectionString", first.Database.ConnectionString).With("Nara:Database:DataDirectory", first.Database.Directory);
        await second.InitializeAsync();
        await catcher.WaitForAsync(count / 5);
        // Stops the host (its dispatcher is mid-batch) but keeps the database, which the second host shares.
        await first.DisposeAsync();
        // Whatever the first host still held (a host that dies cannot release) falls free when its lease runs out.
        second.Clock.Advance(TimeSpan.FromSeconds(61));

        try
        {
            await catcher.WaitForAsync(count, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            var left = await second.InDbAsync(db => db.Messages.GroupBy(m => new { m.Status, Leased = m.LeaseOwner != null }).Select(g => $"{g.Key.Status}/{g.Key.Leased}:{g.Count()}").ToListAsync());
            Assert.Fail($"Only {catcher.Messages.Count} arrived; messages: {string.Join(", ", left)}");
        }

        var statuses = await second.InDbAsync(db => db.Messages.GroupBy(m => m.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync());
        await Task.Delay(500);
        Assert.Equal(count, catcher.Counts.Count);
        Assert.All(catcher.Counts.Values, n => Assert.Equal(1, n));
        await ((IAsyncLifetime)second).DisposeAsync();
        await first.Database.DisposeAsync();
        Assert.NotEmpty(statuses);
    }

    private static NotificationsFactory Host(SmtpCatcher catcher)
    {
        var factory = new NotificationsFactory();
        factory.With("Nara:Notifications:Smtp:Port", catcher.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        factory.With("Nara:Notifications:DispatchInBackground", "true");
        factory.With("Nara:Notifications:DispatchBatchSize", "20");
        return factory;
    }
}
