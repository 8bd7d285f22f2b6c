using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Nara.Testing;

namespace Nara.Notifications.Tests;

/// <summary>Delivery callbacks POSTed to the agency's URL (a small HTTP listener in the test) and the client-settings API.</summary>
public sealed class CallbackTests(NotificationsFactory factory) : IClassFixture<NotificationsFactory>, IAsyncLifetime
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<string> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private string _url = "";

    public async Task InitializeAsync()
    {
        await factory.Catcher.StartAsync();
        _url = $"http://127.0.0.1:{FreePort()}/callbacks/";
        _listener.Prefixes.Add(_url);
        _listener.Start();
        _ = Task.Run(ListenAsync);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        _stop.Dispose();
        await factory.Catcher.StopAsync();
    }

    private async Task ListenAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                _received.Enqueue($"{context.Request.HttpMethod} {await reader.ReadToEndAsync()}");
            }

            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }

    [Fact]
    public async Task A_final_status_is_posted_to_the_agencys_callback_URL_without_the_address_or_body()
    {
        var client = await factory.AgencyClientAsync(callbackUrl: _url);
        var body = NotificationsFactory.Email("callback-citizen@example.kr", values: new() { ["title"] = "검진 안내", ["content"] = "비밀스러운 본문" });

        var response = await client.PostAsJsonAsync("/api/notifications/messages", body);
        var id = (await response.ReadAsync<JsonElement>()).GetProperty("messageIds")[0].GetGuid();
        await factory.DispatchAllAsync();
        await factory.DrainOutboxAsync();

        var post = Assert.Single(_received, r => r.Contains(id.ToString("D"), StringComparison.Ordinal));
        Assert.StartsWith("POST ", post, StringComparison.Ordinal);
        var payload = JsonDocument.Parse(post["POST ".Length..]).RootElement;
        Assert.Equal(id, payload.GetProperty("id").GetGuid());
        Assert.Equal("delivered", payload.GetProperty("status").GetString());
        Assert.Equal("govstack.email", payload.GetProperty("templateId").GetString());
        Assert.DoesNotContain("callback-citizen@example.kr", post, StringComparison.Ordinal);
        // Also in its escaped form: System.Text.Json writes Korean as \uXXXX by default ("비" is U+BE44).
        Assert.DoesNotContain("비밀스러운", post, StringComparison.Ordinal);
        Assert.DoesNotContain("\\uBE44", post, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_client_without_a_callback_URL_gets_no_callback()
    {
        var client = await factory.AgencyClientAsync();

        var response = await client.PostAsJsonAsync("/api/notifications/messages", NotificationsFactory.Email("no-callback@example.kr"));
        var id = (await response.ReadAsync<JsonElement>()).GetProperty("messageIds")[0].GetGuid();
        await factory.DispatchAllAsync();
        await factory.DrainOutboxAsync();

        Assert.DoesNotContain(_received, r => r.Contains(id.ToString("D"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_sets_its_own_callback_URL_and_reads_it_back()
    {
        var client = await factory.AgencyClientAsync();

        var set = await client.PutAsJsonAsync("/api/notifications/settings/callback", new { url = "https://nhis.example.kr/notify-callback" });
        var settings = await client.GetFromJsonAsync<JsonElement>("/api/notifications/settings");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("https://nhis.example.kr/notify-callback", settings.GetProperty("callbackUrl").GetString());
    }

    [Theory]
    [InlineData("http://nhis.example.kr/callback")]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/callback")]
    public async Task A_callback_URL_that_is_neither_https_nor_loopback_http_is_refused(string url)
    {
        var client = await factory.AgencyClientAsync();

        var response = await client.PutAsJsonAsync("/api/notifications/settings/callback", new { url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadAsync<JsonElement>()).GetProperty("errors").TryGetProperty("url", out _));
        var settings = await client.GetFromJsonAsync<JsonElement>("/api/notifications/settings");
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("callbackUrl").ValueKind);
    }

    [Fact]
    public async Task The_client_administration_API_is_closed_to_agency_systems()
    {
        var key = (await factory.AgencyClientAsync()).DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        var response = await client.GetAsync("/api/notifications/clients?id=KR/GOV/NHIS/anyone");

        // Officials sign in with a cookie; a key alone is sent to the sign-in page, never given the settings.
        Assert.False(response.IsSuccessStatusCode, $"Got {response.StatusCode}");
        Assert.True(
            response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("signin", StringComparison.OrdinalIgnoreCase)),
            $"Got {response.StatusCode} {response.Headers.Location}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
