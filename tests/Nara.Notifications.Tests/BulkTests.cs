using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Nara.Notifications.Tests;

public class BulkTests(NotificationsFactory factory) : IClassFixture<NotificationsFactory>
{
    private static StringContent Recipients(int count, Func<int, string>? email = null)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"email\":\"").Append(email?.Invoke(i) ?? $"r{i}@example.kr").Append("\",\"personalisation\":{\"title\":\"안내\",\"content\":\"대상자 ").Append(i).Append("\"}}");
        }

        return new StringContent(json.Append(']').ToString(), Encoding.UTF8, "application/json");
    }

    private static HttpRequestMessage Bulk(HttpContent content, string key) =>
        new(HttpMethod.Post, "/api/notifications/bulk?templateId=govstack.email&channel=email") { Content = content, Headers = { { "Idempotency-Key", key } } };

    [Fact]
    public async Task A_bulk_send_of_50000_recipients_is_accepted_in_one_request_and_a_repeat_queues_nothing()
    {
        var client = await factory.AgencyClientAsync(test: true);
        // 50,000 rows in one transaction can outlast HttpClient's default 100 s on a busy 2-core machine.
        client.Timeout = TimeSpan.FromMinutes(5);

        var response = await client.SendAsync(Bulk(Recipients(50_000), "bulk-50k"));
        var repeat = await client.SendAsync(Bulk(Recipients(50_000), "bulk-50k"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.ReadAsync<JsonElement>();
        Assert.Equal(50_000, accepted.GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.True((await repeat.ReadAsync<JsonElement>()).GetProperty("duplicate").GetBoolean());
        var requestId = accepted.GetProperty("requestId").GetGuid();
        Assert.Equal(50_000, await factory.InDbAsync(db => db.Messages.CountAsync(m => m.RequestId == requestId)));
    }

    [Fact]
    public async Task One_bad_address_at_the_end_of_a_bulk_send_refuses_it_all_and_names_the_recipient()
    {
        var client = await factory.AgencyClientAsync(test: true);
        var before = await factory.MessageCountAsync();

        var response = await client.SendAsync(Bulk(Recipients(5_000, i => i == 4_999 ? "broken" : $"b{i}@example.kr"), "bulk-bad"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("recipients[4999].recipient", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.MessageCountAsync());
    }

    [Fact]
    public async Task An_empty_recipient_array_is_refused_and_creates_no_request()
    {
        var client = await factory.AgencyClientAsync(test: true);

        var response = await client.SendAsync(Bulk(Recipients(0), "bulk-empty"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There are no recipients.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.InDbAsync(db => db.Requests.AnyAsync(r => r.IdempotencyKey == "bulk-empty")));
    }
}
