using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Nara.Credentials.Data;
using Nara.Credentials.Features;
using Nara.Credentials.Oid4vp;
using Nara.Credentials.SdJwt;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>
/// A host whose web wallet reaches this host's verifier over HTTP (the in-memory test server) and a made-up foreign
/// verifier at https://verifier.example that serves whatever request object a test puts there and records answers.
/// </summary>
public class WalletRequestFactory : CredentialsFactory
{
    public ConcurrentDictionary<string, string> ForeignRequests { get; } = new();

    public ConcurrentBag<string> ForeignAnswers { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddHttpClient(AnswerVerifierFromWallet.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new Router(this)));
    }

    private sealed class Router(WalletRequestFactory factory) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.Host != "verifier.example")
            {
                using var invoker = new HttpMessageInvoker(factory.Server.CreateHandler(), disposeHandler: true);
                return await invoker.SendAsync(request, cancellationToken);
            }

            if (request.Method == HttpMethod.Post)
            {
                factory.ForeignAnswers.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
            }

            return factory.ForeignRequests.TryGetValue(request.RequestUri.AbsolutePath, out var body)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) }
                : new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }
}

/// <summary>
/// The web wallet answers an OpenID4VP request: end to end against Nara's own verifier (cross-device and same-device
/// through /verify/request), and the ugly cases — unknown or expired requests, claims the credential lacks, a response
/// URI that is not https, a request that does not match its link, declining.
/// </summary>
public sealed partial class WalletRequestTests(WalletRequestFactory factory) : IClassFixture<WalletRequestFactory>
{
    [GeneratedRegex("href=\"(openid4vp://[^\"]+)\"")]
    private static partial Regex RequestLink();

    private async Task<JsonObject> CreateRequestAsync(params string[] claims)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/credentials/presentations", new { claims });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<JsonObject?> ResultAsync(JsonObject created)
    {
        var response = await factory.CreateClient().PostAsJsonAsync($"/api/credentials/presentations/{created["id"]}/result",
            new { transactionId = created["transactionId"]!.GetValue<string>() });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject;
    }

    private static Task<HttpResponseMessage> OpenAsync(HttpClient citizen, string link, string culture = "ko") =>
        citizen.GetAsync(new Uri($"/my/wallet/request?culture={culture}&request={Uri.EscapeDataString(link)}", UriKind.Relative));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient citizen, string link, Guid? credential, string handler = "Send")
    {
        var fields = new List<KeyValuePair<string, string>> { new("request", link) };
        if (credential is { } id)
        {
            fields.Add(new("credential", id.ToString("D")));
        }

        return await citizen.PostFormAsync("/my/wallet/request", $"/my/wallet/request?handler={handler}", fields);
    }

    private static string ForeignRequestObject(JsonObject payload) =>
        B64.Encode("""{"alg":"none","typ":"oauth-authz-req+jwt"}""") + "." + B64.Encode(payload.ToJsonString()) + ".";

    private JsonObject ForeignPayload(string responseUri, string[] claims, DateTimeOffset? expires = null) => new()
    {
        ["client_id"] = "redirect_uri:" + responseUri,
        ["response_type"] = "vp_token",
        ["response_mode"] = "direct_post",
        ["response_uri"] = responseUri,
        ["nonce"] = "foreign-nonce",
        ["state"] = "s",
        ["exp"] = (expires ?? factory.Clock.GetUtcNow().AddMinutes(5)).ToUnixTimeSeconds(),
        ["client_metadata"] = new JsonObject { ["client_name"] = "Example Bank" },
        ["dcql_query"] = new JsonObject
        {
            ["credentials"] = new JsonArray(new JsonObject
            {
                ["id"] = "pid",
                ["format"] = "dc+sd-jwt",
                ["meta"] = new JsonObject { ["vct_values"] = new JsonArray("urn:kr:go:nara:vct:resident-id:1") },
                ["claims"] = new JsonArray([.. claims.Select(c => (JsonNode)new JsonObject { ["path"] = new JsonArray(c) })]),
            }),
        },
    };

    /// <summary>Puts a request object at https://verifier.example{path} and answers the link a verifier would show.</summary>
    private string Foreign(string path, JsonObject payload)
    {
        factory.ForeignRequests[path] = ForeignRequestObject(payload);
        return $"openid4vp://?client_id={Uri.EscapeDataString(payload["client_id"]!.GetValue<string>())}&request_uri={Uri.EscapeDataString("https://verifier.example" + path)}";
    }

    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var match = Regex.Match(html, "data-(?:refusal|result)=\"([^\"]+)\"");
        return match.Success ? match.Groups[1].Value : html;
    }

    [Fact]
    public async Task Cross_device_the_citizen_sees_who_asks_for_what_and_the_verifier_gets_exactly_those_claims()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.MotherOfNewborn);
        var mobileId = await citizen.GetMobileIdAsync();
        var created = await CreateRequestAsync("name", "age_over_19");
        var link = created["authorizationRequest"]!.GetValue<string>();

        var shown = await OpenAsync(citizen, link);
        var html = await shown.Content.ReadAsStringAsync();
        var english = await (await OpenAsync(citizen, link, "en")).Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("나라 전자증명서 확인", html, StringComparison.Ordinal);
        Assert.Contains("data-claim=\"name\"", html, StringComparison.Ordinal);
        Assert.Contains("data-claim=\"age_over_19\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-claim=\"birthdate\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{mobileId:D}\"", html, StringComparison.Ordinal);
        Assert.Contains("Agree and send", english, StringComparison.Ordinal);
        Assert.Equal("pending", (await ResultAsync(created))!["status"]!.GetValue<string>()); // nothing sent by looking

        var sent = await SendAsync(citizen, link, mobileId);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("sent", await RefusalAsync(sent));
        var result = (await ResultAsync(created))!;
        Assert.Equal("answered", result["status"]!.GetValue<string>());
        Assert.True(result["result"]!["valid"]!.GetValue<bool>());
        var disclosed = result["result"]!["disclosed"]!.AsObject();
        Assert.Equal(DemoPersonas.MotherOfNewborn.NameKo, disclosed["name"]!.GetValue<string>());
        Assert.True(disclosed["age_over_19"]!.GetValue<bool>());
        Assert.Equal(2, disclosed.Count);

        var again = await SendAsync(citizen, link, mobileId); // answered requests are no longer served
        Assert.Equal("unknown-request", await RefusalAsync(again));
    }

    [Fact]
    public async Task Same_device_the_verifier_page_links_the_web_wallet_and_shows_the_result_when_the_browser_comes_back()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.FatherOfNewborn);
        var mobileId = await citizen.GetMobileIdAsync();
        var shop = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await shop.GetStringAsync(new Uri("/verify/request", UriKind.Relative));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Claims"] = "name", ["Device"] = "same", ["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(form),
        });
        var location = (await shop.PostAsync(new Uri("/verify/request", UriKind.Relative), content)).Headers.Location!.ToString();
        var waiting = await shop.GetStringAsync(new Uri(location, UriKind.Relative));
        var webWallet = WebUtility.HtmlDecode(Regex.Match(waiting, "href=\"([^\"]+)\" id=\"open-web-wallet\"").Groups[1].Value);
        Assert.StartsWith("http://localhost/my/wallet/request?client_id=", webWallet, StringComparison.Ordinal);

        var opened = await citizen.GetStringAsync(new Uri(new Uri(webWallet).PathAndQuery, UriKind.Relative));
        Assert.Contains("data-claim=\"name\"", opened, StringComparison.Ordinal);
        var openid4vp = WebUtility.HtmlDecode(RequestLink().Match(waiting).Groups[1].Value);
        var sent = await SendAsync(citizen, openid4vp, mobileId);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var back = sent.Headers.Location!;
        Assert.Contains("response_code=", back.Query, StringComparison.Ordinal);
        var answer = await shop.GetStringAsync(new Uri(back.PathAndQuery, UriKind.Relative));
        Assert.Contains("확인되었습니다", answer, StringComparison.Ordinal);
        Assert.Contains(DemoPersonas.FatherOfNewborn.NameKo, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_or_expired_request_is_refused_and_nothing_is_sent()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.SingleParent);
        var mobileId = await citizen.GetMobileIdAsync();
        var created = await CreateRequestAsync("name");
        var link = created["authorizationRequest"]!.GetValue<string>();
        var unknown = link.Replace(created["id"]!.GetValue<string>(), Guid.NewGuid().ToString("D"), StringComparison.Ordinal);
        var stale = Foreign("/stale", ForeignPayload("https://verifier.example/stale/response", ["name"], factory.Clock.GetUtcNow().AddMinutes(-1)));

        var unknownShown = await OpenAsync(citizen, unknown);
        var staleShown = await OpenAsync(citizen, stale);
        var staleSent = await SendAsync(citizen, stale, mobileId);
        factory.Clock.Advance(TimeSpan.FromMinutes(11)); // past the verifier's 10 minutes (the clock only moves forward; later tests make fresh requests)
        var expiredSent = await SendAsync(citizen, link, mobileId);

        Assert.Equal(HttpStatusCode.BadRequest, unknownShown.StatusCode);
        Assert.Equal("unknown-request", await RefusalAsync(unknownShown));
        Assert.Equal("expired", await RefusalAsync(staleShown));
        Assert.Equal("expired", await RefusalAsync(staleSent));
        Assert.Equal("unknown-request", await RefusalAsync(expiredSent));
        Assert.DoesNotContain(factory.ForeignAnswers, a => a.Contains("stale", StringComparison.Ordinal) || a.Contains("vp_token", StringComparison.Ordinal) && a.Contains("foreign-nonce", StringComparison.Ordinal));
        // The expired request got no answer: its row holds none (the result API only says "not found" once expired).
        await using var scope = factory.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Presentations
            .AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(created["id"]!.GetValue<string>()));
        Assert.Null(row.AnsweredAt);
        Assert.Null(row.Result);
    }

    [Fact]
    public async Task Claims_the_credential_lacks_cannot_be_sent()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.DisabledAdult);
        var mobileId = await citizen.GetMobileIdAsync();
        var link = Foreign("/lacks", ForeignPayload("https://verifier.example/lacks/response", ["name", "favourite_colour"]));
        var answersBefore = factory.ForeignAnswers.Count;

        var shown = await OpenAsync(citizen, link);
        var sent = await SendAsync(citizen, link, mobileId);

        var html = await shown.Content.ReadAsStringAsync();
        Assert.Equal("no-credential", await RefusalAsync(shown));
        Assert.Contains("Example Bank", html, StringComparison.Ordinal);
        Assert.Contains("favourite_colour", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"send-answer\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        Assert.Equal("claims-missing", await RefusalAsync(sent));
        Assert.Equal(answersBefore, factory.ForeignAnswers.Count);
    }

    [Fact]
    public async Task A_response_uri_that_is_not_https_or_does_not_match_the_client_id_gets_nothing()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.MotherOfNewborn);
        var mobileId = await citizen.GetMobileIdAsync();
        var plain = Foreign("/plain", ForeignPayload("http://verifier.example/plain/response", ["name"]));
        var mismatched = ForeignPayload("https://verifier.example/elsewhere", ["name"]);
        mismatched["client_id"] = "redirect_uri:https://verifier.example/mismatch/response";
        var mismatch = Foreign("/mismatch", mismatched);
        var answersBefore = factory.ForeignAnswers.Count;

        var plainSent = await SendAsync(citizen, plain, mobileId);
        var mismatchSent = await SendAsync(citizen, mismatch, mobileId);
        var insecureLink = await OpenAsync(citizen, "openid4vp://?client_id=x&request_uri=" + Uri.EscapeDataString("http://verifier.example/plain"));
        var garbage = await OpenAsync(citizen, "hello");

        Assert.Equal("insecure-uri", await RefusalAsync(plainSent));
        Assert.Equal("client-mismatch", await RefusalAsync(mismatchSent));
        Assert.Equal("insecure-uri", await RefusalAsync(insecureLink));
        Assert.Equal("malformed-link", await RefusalAsync(garbage));
        Assert.Equal(answersBefore, factory.ForeignAnswers.Count);
    }

    [Fact]
    public async Task In_production_plain_http_is_refused_even_to_a_loopback_verifier()
    {
        var production = new Environment("Production");
        var testing = new Environment("Testing");

        Assert.Null(VerifierRequests.SafeUri("http://localhost/api/credentials/presentations/x/request", production));
        Assert.NotNull(VerifierRequests.SafeUri("http://localhost/api/credentials/presentations/x/request", testing));
        Assert.Null(VerifierRequests.SafeUri("http://verifier.example/request", testing));
        Assert.NotNull(VerifierRequests.SafeUri("https://verifier.example/request", production));
        Assert.Null(VerifierRequests.SafeUri("https://user:pw@verifier.example/request", production));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Declining_tells_the_verifier_and_discloses_nothing()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.FatherOfNewborn);
        await citizen.GetMobileIdAsync();
        var created = await CreateRequestAsync("name");

        var declined = await SendAsync(citizen, created["authorizationRequest"]!.GetValue<string>(), null, "Decline");

        Assert.Equal("declined", await RefusalAsync(declined));
        var result = (await ResultAsync(created))!;
        Assert.Equal("answered", result["status"]!.GetValue<string>());
        Assert.False(result["result"]!["valid"]!.GetValue<bool>());
        Assert.Null(result["result"]!["disclosed"]);
    }

    [Fact]
    public async Task The_request_page_is_for_signed_in_citizens()
    {
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync(new Uri("/my/wallet/request", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Nara";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
