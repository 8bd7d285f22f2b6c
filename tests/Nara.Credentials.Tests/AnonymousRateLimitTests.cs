using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.Data;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>
/// The anonymous verifier endpoints are limited per network address: over the limit a request is refused with 429
/// and Retry-After and leaves nothing behind, while another address is still served.
/// </summary>
public sealed class AnonymousRateLimitTests(AnonymousRateLimitTests.Factory factory) : IClassFixture<AnonymousRateLimitTests.Factory>
{
    private const int Limit = 3;

    /// <summary>Lower limits, and the client's address taken from a test header (TestServer has no real peer address).</summary>
    public sealed class Factory : CredentialsFactory
    {
        public Factory()
        {
            With("Nara:Credentials:PresentationRequestsPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            With("Nara:Credentials:VerificationsPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
        }
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Client", out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private HttpClient ClientAt(string address, bool redirects = true)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = redirects });
        client.DefaultRequestHeaders.Add("X-Test-Client", address);
        return client;
    }

    private async Task<int> StoredRequestsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Presentations.CountAsync();
    }

    [Fact]
    public async Task Creating_more_presentation_requests_than_the_limit_is_refused_with_429_and_nothing_is_stored()
    {
        var shop = ClientAt("203.0.113.10");
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await shop.PostAsJsonAsync("/api/credentials/presentations", new { claims = new[] { "name" } })).StatusCode);
        }

        var stored = await StoredRequestsAsync();
        var refused = await shop.PostAsJsonAsync("/api/credentials/presentations", new { claims = new[] { "name" } });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("https://nara.go.kr/problems/rate-limited", problem["type"]!.GetValue<string>());
        Assert.Equal("rate-limited", problem["code"]!.GetValue<string>());
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Equal(stored, await StoredRequestsAsync());

        var otherShop = ClientAt("198.51.100.7");
        Assert.Equal(HttpStatusCode.Created, (await otherShop.PostAsJsonAsync("/api/credentials/presentations", new { claims = new[] { "name" } })).StatusCode);
        Assert.Equal(stored + 1, await StoredRequestsAsync());
    }

    [Fact]
    public async Task The_verifier_page_over_the_limit_shows_a_plain_language_429_page_and_stores_nothing()
    {
        var shop = ClientAt("203.0.113.20", redirects: false);
        var form = await shop.GetStringAsync(new Uri("/verify/request", UriKind.Relative)); // GETs are not counted
        var token = OfficialAccounts.AntiforgeryToken(form);
        HttpResponseMessage last = null!;
        for (var i = 0; i <= Limit; i++)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Claims"] = "name", ["Device"] = "cross", ["__RequestVerificationToken"] = token });
            last = await shop.PostAsync(new Uri("/verify/request", UriKind.Relative), content);
            if (i < Limit)
            {
                Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter?.Delta);
        Assert.Contains("짧은 시간에 너무 많이 시도했습니다", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await shop.GetAsync(new Uri("/verify/request", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Verifying_more_often_than_the_limit_is_refused_with_429_for_that_address_only()
    {
        var verifier = ClientAt("203.0.113.30");
        for (var i = 0; i < Limit; i++)
        {
            // Not a credential: refused as malformed (422), but it counts like any verification.
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await verifier.PostAsJsonAsync("/api/credentials/verify", new { presentation = "not-a-credential~" })).StatusCode);
        }

        var refused = await verifier.PostAsJsonAsync("/api/credentials/verify", new { presentation = "not-a-credential~" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ClientAt("2001:db8::30").PostAsJsonAsync("/api/credentials/verify", new { presentation = "not-a-credential~" })).StatusCode);
    }
}
