using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.Features;
using Nara.Credentials.SdJwt;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>
/// OpenID4VP 1.0 with Nara as the verifier: a shop asks for chosen claims, the test's wallet fetches the request by
/// reference and answers with direct_post; the shop reads only the requested claims — and every wrong answer is refused.
/// </summary>
public sealed class Oid4vpTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>
{
    private TestWallet Wallet() => new(factory.CreateClient());

    /// <summary>A mobile ID issued to the wallet's key (the issuance path itself is tested in Oid4vciTests).</summary>
    private async Task<string> CredentialAsync(TestWallet wallet, DemoPersona persona)
    {
        var residentId = await factory.ResidentIdOfAsync(persona);
        await using var scope = factory.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<IssueResidentId>()
            .ExecuteAsync(residentId, Es256.PublicJwk(wallet.Key), "http://localhost", TimeSpan.FromDays(365), new Nara.Credentials.Contracts.CredentialActor("citizen", "test"), CancellationToken.None);
        return issued!.Value.Credential.Compact;
    }

    private async Task<JsonObject> CreateAsync(object body)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/credentials/presentations", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<(HttpStatusCode Status, JsonObject? Body)> ResultAsync(JsonObject created, string? responseCode = null, string? transactionId = null)
    {
        var response = await factory.CreateClient().PostAsJsonAsync($"/api/credentials/presentations/{created["id"]}/result",
            new { transactionId = transactionId ?? created["transactionId"]!.GetValue<string>(), responseCode });
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject);
    }

    /// <summary>The wallet's answer: the given claims, KB-JWT for the request's client_id and nonce unless spoiled.</summary>
    private string Present(TestWallet wallet, string credential, JsonObject request, string[]? claims = null, string? aud = null, string? nonce = null) =>
        SdJwtPresenter.Present(credential, claims ?? TestWallet.Requested(request), wallet.Key,
            aud ?? request["client_id"]!.GetValue<string>(), nonce ?? request["nonce"]!.GetValue<string>(), factory.Clock.GetUtcNow());

    private static string? Code(JsonObject? result) => result?["result"]?["code"]?.GetValue<string>();

    [Fact]
    public async Task Cross_device_the_shop_gets_exactly_the_requested_claims_from_the_wallet()
    {
        using var wallet = Wallet();
        var credential = await CredentialAsync(wallet, DemoPersonas.MotherOfNewborn);
        var created = await CreateAsync(new { type = "resident-id", claims = new[] { "name", "age_over_19" } });
        Assert.Equal("pending", (await ResultAsync(created)).Body!["status"]!.GetValue<string>());

        var request = await wallet.RequestObjectAsync(created["authorizationRequest"]!.GetValue<string>());
        Assert.StartsWith("redirect_uri:http://localhost/api/credentials/presentations/", request["client_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("redirect_uri:" + request["response_uri"]!.GetValue<string>(), request["client_id"]!.GetValue<string>());
        Assert.Equal("direct_post", request["response_mode"]!.GetValue<string>());
        Assert.Equal("vp_token", request["response_type"]!.GetValue<string>());
        Assert.Equal("dc+sd-jwt", request["dcql_query"]!["credentials"]![0]!["format"]!.GetValue<string>());
        Assert.Equal("urn:kr:go:nara:vct:resident-id:1", request["dcql_query"]!["credentials"]![0]!["meta"]!["vct_values"]![0]!.GetValue<string>());
        Assert.Equal(["name", "age_over_19"], TestWallet.Requested(request));
        var (response, body) = await wallet.RespondAsync(request, Present(wallet, credential, request));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["redirect_uri"]);
        var (status, result) = await ResultAsync(created);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("answered", result!["status"]!.GetValue<string>());
        Assert.True(result["result"]!["valid"]!.GetValue<bool>());
        var disclosed = result["result"]!["disclosed"]!.AsObject();
        Assert.Equal(["name", "age_over_19"], disclosed.Select(p => p.Key));
        Assert.Equal("김서연", disclosed["name"]!.GetValue<string>());
        Assert.True(disclosed["age_over_19"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await ResultAsync(created, transactionId: "guessed")).Status);
    }

    [Fact]
    public async Task Same_device_the_wallet_is_sent_back_with_a_response_code_that_the_result_needs()
    {
        using var wallet = Wallet();
        var credential = await CredentialAsync(wallet, DemoPersonas.YoungJobseeker);
        var created = await CreateAsync(new { mode = "age", redirectUri = "https://shop.example/checkout?step=age" });
        var request = await wallet.RequestObjectAsync(created["authorizationRequest"]!.GetValue<string>());
        Assert.Equal(["age_over_19"], TestWallet.Requested(request));

        var (response, body) = await wallet.RespondAsync(request, Present(wallet, credential, request));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var redirect = body["redirect_uri"]!.GetValue<string>();
        Assert.StartsWith("https://shop.example/checkout?step=age&response_code=", redirect, StringComparison.Ordinal);
        var responseCode = redirect[(redirect.IndexOf("response_code=", StringComparison.Ordinal) + "response_code=".Length)..];
        Assert.Equal(HttpStatusCode.Forbidden, (await ResultAsync(created)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ResultAsync(created, responseCode: "wrong")).Status);
        var (status, result) = await ResultAsync(created, responseCode);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["age_over_19"], result!["result"]!["disclosed"]!.AsObject().Select(p => p.Key));
    }

    [Theory]
    [InlineData("nonce", "wrong-nonce")]
    [InlineData("aud", "wrong-audience")]
    public async Task A_presentation_for_another_nonce_or_audience_is_refused(string spoiled, string code)
    {
        using var wallet = Wallet();
        var credential = await CredentialAsync(wallet, DemoPersonas.SingleParent);
        var created = await CreateAsync(new { claims = new[] { "age_over_19" } });
        var request = await wallet.RequestObjectAsync(created["authorizationRequest"]!.GetValue<string>());

        var presentation = spoiled == "nonce" ? Present(wallet, credential, request, nonce: "another-nonce") : Present(wallet, credential, request, aud: "redirect_uri:https://evil.example/cb");
        var (response, body) = await wallet.RespondAsync(request, presentation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", body["error"]!.GetValue<string>());
        Assert.Equal(code, Code((await ResultAsync(created)).Body));
    }

    [Theory]
    [InlineData(new[] { "age_over_19", "name", "birthdate" }, "claims-not-requested")]
    [InlineData(new[] { "age_over_19" }, "claims-missing")]
    public async Task Disclosing_more_or_fewer_claims_than_asked_is_refused(string[] disclosed, string code)
    {
        using var wallet = Wallet();
        var credential = await CredentialAsync(wallet, DemoPersonas.FatherOfNewborn);
        var created = await CreateAsync(new { claims = new[] { "age_over_19", "name" } });
        var request = await wallet.RequestObjectAsync(created["authorizationRequest"]!.GetValue<string>());

        var (response, _) = await wallet.RespondAsync(request, Present(wallet, credential, request, disclosed));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var result = (await ResultAsync(created)).Body!;
        Assert.Equal(code, Code(result));
        Assert.Null(result["result"]!["disclosed"]);
        Assert.DoesNotContain("birthdate", result.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_is_accepted_once_and_a_replay_to_another_request_fails()
    {
        using var wallet = Wallet();
        var credential = await CredentialAsync(wallet, DemoPersonas.DisabledAdult);
        var first = await CreateAsync(new { claims = new[] { "age_over_65" } });
        var request = await wallet.RequestObjectAsync(first["authorizationRequest"]!.GetValue<string>());
        var presentation = Present(wallet, credential, request);
        var (accepted, _) = await wallet.RespondAsync(request, presentation);

        var (replayed, error) = await wallet.RespondAsync(request, presentation);
        var second = await CreateAsync(new { claims = new[] { "age_over_65" } });
        var other = await wallet.RequestObjectAsync(second["authorizationRequest"]!.GetValue<string>());
        var (elsewhere, _) = await wallet.RespondAsync(other, presentation);
        var refetch = await factory.CreateClient().GetAsync(new Uri(request["response_uri"]!.GetValue<string>().Replace("/response", "/request", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Equal("invalid_request", error["error"]!.GetValue<string>());
        Assert.True((await ResultAsync(first)).Body!["result"]!["valid"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Equal("wrong-audience", Code((await ResultAsync(second)).Body));
        Assert.Equal(HttpStatusCode.NotFound, refetch.StatusCode);
    }

    [Fact]
    public async Task A_wrong_state_or_a_malformed_vp_token_changes_nothing_or_is_refused()
    {
        using var wallet = Wallet();
        var credential = await CredentialAsync(wallet, DemoPersonas.SingleParentChild1);
        var created = await CreateAsync(new { claims = new[] { "age_over_14" } });
        var request = await wallet.RequestObjectAsync(created["authorizationRequest"]!.GetValue<string>());

        var (wrongState, _) = await wallet.RespondAsync(request, Present(wallet, credential, request), state: "other");
        Assert.Equal(HttpStatusCode.BadRequest, wrongState.StatusCode);
        Assert.Equal("pending", (await ResultAsync(created)).Body!["status"]!.GetValue<string>());

        var (wrongKey, _) = await wallet.RespondAsync(request, Present(wallet, credential, request), queryId: "another_query");
        Assert.Equal(HttpStatusCode.BadRequest, wrongKey.StatusCode);
        Assert.Equal("malformed", Code((await ResultAsync(created)).Body));
    }

    [Fact]
    public async Task A_wallet_that_declines_is_heard_once_and_a_decline_for_an_unknown_request_is_an_error()
    {
        using var wallet = Wallet();
        var created = await CreateAsync(new { claims = new[] { "name" } });
        var request = await wallet.RequestObjectAsync(created["authorizationRequest"]!.GetValue<string>());
        var fields = new Dictionary<string, string> { ["error"] = "access_denied", ["state"] = request["state"]!.GetValue<string>() };

        using var decline = new FormUrlEncodedContent(fields);
        var declined = await wallet.Http.PostAsync(new Uri(request["response_uri"]!.GetValue<string>()), decline);
        using var again = new FormUrlEncodedContent(fields);
        var twice = await wallet.Http.PostAsync(new Uri(request["response_uri"]!.GetValue<string>()), again);
        using var unknown = new FormUrlEncodedContent(fields);
        var nowhere = await wallet.Http.PostAsync(new Uri($"/api/credentials/presentations/{Guid.NewGuid()}/response", UriKind.Relative), unknown);

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("wallet-access_denied", Code((await ResultAsync(created)).Body));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
    }

    [Fact]
    public async Task Bad_requests_from_a_verifier_are_validation_problems()
    {
        var client = factory.CreateClient();

        var unknownClaim = await client.PostAsJsonAsync("/api/credentials/presentations", new { claims = new[] { "password" } });
        var noClaims = await client.PostAsJsonAsync("/api/credentials/presentations", new { claims = Array.Empty<string>() });
        var unknownType = await client.PostAsJsonAsync("/api/credentials/presentations", new { type = "passport", claims = new[] { "name" } });
        var badRedirect = await client.PostAsJsonAsync("/api/credentials/presentations", new { claims = new[] { "name" }, redirectUri = "javascript:alert(1)" });
        var badMode = await client.PostAsJsonAsync("/api/credentials/presentations", new { mode = "everything" });

        foreach (var response in new[] { unknownClaim, noClaims, unknownType, badRedirect, badMode })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task An_expired_request_cannot_be_fetched_answered_or_read()
    {
        using var wallet = Wallet();
        var credential = await CredentialAsync(wallet, DemoPersonas.MotherOfNewborn);
        var created = await CreateAsync(new { claims = new[] { "age_over_19" } });
        var request = await wallet.RequestObjectAsync(created["authorizationRequest"]!.GetValue<string>());

        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var (response, _) = await wallet.RespondAsync(request, Present(wallet, credential, request));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ResultAsync(created)).Status);
    }
}
