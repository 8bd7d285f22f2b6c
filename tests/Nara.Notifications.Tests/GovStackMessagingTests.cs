using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Nara.Notifications.Tests;

/// <summary>The GovStack Messaging building block's email API, end to end through the SMTP catcher.</summary>
public class GovStackMessagingTests(NotificationsFactory factory) : IClassFixture<NotificationsFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.Catcher.StartAsync();

    public Task DisposeAsync() => factory.Catcher.StopAsync();

    private static object Content(object recipientInfo) => new
    {
        senderInfo = new { name = "국민건강보험공단" },
        recipientInfo,
        emailContent = new { encoding = "utf-8", title = "검진 안내", content = "올해 건강검진 대상입니다." },
    };

    private static async Task<Dictionary<string, List<string>>> StatusAsync(HttpClient client, string requestUid, params string[] statuses)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/govstack/messaging/status/email?" + string.Join('&', statuses.Select(s => "status=" + Uri.EscapeDataString(s))));
        request.Headers.Add("requestUID", requestUid);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadAsync<JsonElement>();
        return json.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetProperty("email").GetString()!).ToList());
    }

    [Fact]
    public async Task A_single_email_is_delivered_and_its_status_moves_from_processing_to_delivered()
    {
        var client = await factory.AgencyClientAsync();

        var response = await client.PostAsJsonAsync("/govstack/messaging/send/email/single", Content(new { email = "govstack-single@example.kr", name = "홍길동" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await response.ReadAsync<JsonElement>();
        Assert.Equal("accepted", sent.GetProperty("response").GetString());
        var uid = sent.GetProperty("requestUID").GetString()!;
        var before = await StatusAsync(client, uid, "processing", "delivered");
        await factory.DispatchAllAsync();
        var after = await StatusAsync(client, uid, "processing", "delivered");

        Assert.Equal(["govstack-single@example.kr"], before["processing"]);
        Assert.Empty(before["delivered"]);
        Assert.Equal(["govstack-single@example.kr"], after["delivered"]);
        var mail = Assert.Single(factory.Catcher.Messages, m => m.To.Mailboxes.Any(a => a.Address == "govstack-single@example.kr"));
        Assert.Equal("검진 안내", mail.Subject);
        Assert.Equal("올해 건강검진 대상입니다.", mail.TextBody?.Trim());
    }

    [Fact]
    public async Task A_batch_sends_one_email_per_recipient_in_the_base64_list()
    {
        var client = await factory.AgencyClientAsync();
        var list = JsonSerializer.Serialize(new[]
        {
            new { recipientInfo = new { email = "batch-a@example.kr", name = "A" } },
            new { recipientInfo = new { email = "batch-b@example.kr", name = "B" } },
        });

        var response = await client.PostAsJsonAsync("/govstack/messaging/send/email/batch", Content(new { batchEmailAsBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(list)) }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var uid = (await response.ReadAsync<JsonElement>()).GetProperty("requestUID").GetString()!;
        await factory.DispatchAllAsync();

        var status = await StatusAsync(client, uid, "delivered", "bounced");
        Assert.Equal(["batch-a@example.kr", "batch-b@example.kr"], status["delivered"].Order());
        Assert.Empty(status["bounced"]);
        Assert.Equal(1, factory.Catcher.Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == "batch-b@example.kr")));
    }

    [Fact]
    public async Task The_same_Idempotency_Key_twice_sends_one_email_and_says_duplicate()
    {
        var client = await factory.AgencyClientAsync();

        async Task<JsonElement> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/govstack/messaging/send/email/single") { Content = JsonContent.Create(Content(new { email = "govstack-once@example.kr" })) };
            request.Headers.Add("Idempotency-Key", "govstack-once");
            using var response = await client.SendAsync(request);
            return await response.ReadAsync<JsonElement>();
        }

        var first = await SendAsync();
        var second = await SendAsync();

        Assert.Equal("accepted", first.GetProperty("response").GetString());
        Assert.Equal("duplicate", second.GetProperty("response").GetString());
        Assert.Equal(first.GetProperty("requestUID").GetString(), second.GetProperty("requestUID").GetString());
    }

    [Theory]
    [InlineData("/govstack/messaging/send/email/single", """{"recipientInfo":{"name":"이름만"},"emailContent":{"title":"t","content":"c"}}""", "recipientInfo.email")]
    [InlineData("/govstack/messaging/send/email/single", """{"recipientInfo":{"email":"a@example.kr"},"emailContent":{"title":"t"}}""", "emailContent")]
    [InlineData("/govstack/messaging/send/email/batch", """{"recipientInfo":{"batchEmailAsBase64":"%%%not base64"},"emailContent":{"title":"t","content":"c"}}""", "recipientInfo.batchEmailAsBase64")]
    public async Task Bad_GovStack_requests_are_refused_with_problem_details_naming_the_field(string path, string json, string field)
    {
        var client = await factory.AgencyClientAsync();
        var before = await factory.MessageCountAsync();

        var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await factory.MessageCountAsync());
    }

    [Fact]
    public async Task Asking_for_status_without_a_requestUID_or_with_an_unknown_status_is_refused()
    {
        var client = await factory.AgencyClientAsync();

        var noUid = await client.GetAsync("/govstack/messaging/status/email?status=delivered");
        using var badStatus = new HttpRequestMessage(HttpMethod.Get, "/govstack/messaging/status/email?status=lost");
        badStatus.Headers.Add("requestUID", Guid.NewGuid().ToString());
        var unknownStatus = await client.SendAsync(badStatus);

        Assert.Equal(HttpStatusCode.BadRequest, noUid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus.StatusCode);
    }

    [Fact]
    public async Task Another_clients_request_shows_no_messages()
    {
        var owner = await factory.AgencyClientAsync();
        var stranger = await factory.AgencyClientAsync();
        var sent = await (await owner.PostAsJsonAsync("/govstack/messaging/send/email/single", Content(new { email = "private-status@example.kr" }))).ReadAsync<JsonElement>();

        var status = await StatusAsync(stranger, sent.GetProperty("requestUID").GetString()!, "processing", "delivered", "scheduled");

        Assert.All(status.Values, Assert.Empty);
    }

    [Fact]
    public async Task GovStack_sending_needs_an_API_key()
    {
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.PostAsJsonAsync("/govstack/messaging/send/email/single", Content(new { email = "anon@example.kr" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
