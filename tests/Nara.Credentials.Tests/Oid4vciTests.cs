using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Audit.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.SdJwt;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>
/// OpenID4VCI 1.0, pre-authorized code flow, with the test as the third-party wallet: the citizen makes an offer on
/// the portal, the wallet follows it to a credential bound to its own key — and every step refuses what it must.
/// </summary>
public sealed class Oid4vciTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>
{
    private const string Issuer = "http://localhost";

    private async Task<HttpClient> CitizenAsync(DemoPersona persona) =>
        await factory.SignedInAsAsync(await factory.CreateCitizenForResidentAsync(persona.ResidentNumber, persona.NameKo));

    private TestWallet Wallet() => new(factory.CreateClient());

    /// <summary>The citizen's offer as the API answers it.</summary>
    private async Task<JsonObject> OfferAsync(DemoPersona persona, bool txCode = true, HttpClient? citizen = null, string type = "resident-id")
    {
        citizen ??= await CitizenAsync(persona);
        var response = await citizen.PostAsJsonAsync("/api/credentials/my/offers", new { type, txCode });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Offer → token, returning the access token.</summary>
    private async Task<string> AccessTokenAsync(TestWallet wallet, DemoPersona persona)
    {
        var offer = await OfferAsync(persona);
        var (response, body) = await wallet.TokenAsync(TestWallet.Code(await wallet.OfferAsync(offer["offerByReferenceLink"]!.GetValue<string>())), offer["txCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body["access_token"]!.GetValue<string>();
    }

    private static async Task<string?> CredentialErrorAsync(TestWallet wallet, string token, JsonObject request, HttpStatusCode expected = HttpStatusCode.BadRequest)
    {
        var (response, body) = await wallet.CredentialAsync(token, request);
        Assert.Equal(expected, response.StatusCode);
        return body?["error"]?.GetValue<string>();
    }

    [Fact]
    public async Task The_issuer_metadata_names_the_endpoints_and_the_mobile_id_as_an_sd_jwt_vc_bound_to_a_jwk()
    {
        var client = factory.CreateClient();

        var metadata = JsonNode.Parse(await client.GetStringAsync(new Uri("/.well-known/openid-credential-issuer", UriKind.Relative)))!;
        var server = metadata["authorization_servers"]![0]!.GetValue<string>();
        var asMetadata = JsonNode.Parse(await client.GetStringAsync(new Uri(Issuer + "/.well-known/oauth-authorization-server" + new Uri(server).AbsolutePath)))!;

        Assert.Equal(Issuer, metadata["credential_issuer"]!.GetValue<string>());
        Assert.Equal(Issuer + "/api/credentials/oid4vci/credential", metadata["credential_endpoint"]!.GetValue<string>());
        Assert.Equal(Issuer + "/api/credentials/oid4vci/nonce", metadata["nonce_endpoint"]!.GetValue<string>());
        var mobileId = metadata["credential_configurations_supported"]!["resident-id"]!;
        Assert.Equal("dc+sd-jwt", mobileId["format"]!.GetValue<string>());
        Assert.Equal("urn:kr:go:nara:vct:resident-id:1", mobileId["vct"]!.GetValue<string>());
        Assert.Equal("jwk", mobileId["cryptographic_binding_methods_supported"]![0]!.GetValue<string>());
        Assert.Equal("ES256", mobileId["proof_types_supported"]!["jwt"]!["proof_signing_alg_values_supported"]![0]!.GetValue<string>());
        Assert.Contains(mobileId["credential_metadata"]!["claims"]!.AsArray(), c => c!["path"]![0]!.GetValue<string>() == "age_over_19");
        Assert.Equal(server, asMetadata["issuer"]!.GetValue<string>());
        Assert.Equal(Issuer + "/api/credentials/oid4vci/token", asMetadata["token_endpoint"]!.GetValue<string>());
        Assert.True(asMetadata["pre-authorized_grant_anonymous_access_supported"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_third_party_wallet_receives_the_mobile_id_bound_to_its_own_key_through_the_offer()
    {
        using var wallet = Wallet();
        var created = await OfferAsync(DemoPersonas.YoungJobseeker);
        var offer = await wallet.OfferAsync(created["offerByReferenceLink"]!.GetValue<string>());
        Assert.Equal(Issuer, offer["credential_issuer"]!.GetValue<string>());
        Assert.Equal("resident-id", offer["credential_configuration_ids"]![0]!.GetValue<string>());
        Assert.Equal("numeric", offer["grants"]![TestWallet.PreAuthorizedGrant]!["tx_code"]!["input_mode"]!.GetValue<string>());
        Assert.Equal(offer.ToJsonString(), (await wallet.OfferAsync(created["offerLink"]!.GetValue<string>())).ToJsonString());

        var (tokenResponse, token) = await wallet.TokenAsync(TestWallet.Code(offer), created["txCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        Assert.Equal("no-store", tokenResponse.Headers.CacheControl?.ToString());
        Assert.Equal("Bearer", token["token_type"]!.GetValue<string>());
        var nonce = await wallet.NonceAsync();
        var (response, body) = await wallet.CredentialAsync(token["access_token"]!.GetValue<string>(),
            TestWallet.CredentialRequest("resident-id", wallet.Proof(Issuer, nonce, factory.Clock.GetUtcNow())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var credential = body!["credentials"]![0]!["credential"]!.GetValue<string>();
        var payload = Es256.Parse(credential.Split('~')[0])!.Payload;
        Assert.Equal(Es256.PublicJwk(wallet.Key).ToJsonString(), payload["cnf"]!["jwk"]!.ToJsonString());
        var presentation = SdJwtPresenter.Present(credential, ["age_over_19"], wallet.Key, "https://shop.example", "n1", factory.Clock.GetUtcNow());
        var verified = await wallet.Http.PostAsJsonAsync("/api/credentials/verify", new { presentation, audience = "https://shop.example", nonce = "n1" });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
    }

    [Fact]
    public async Task A_third_party_wallet_receives_an_e_certificate_and_one_without_a_record_is_denied()
    {
        var metadata = await factory.CreateClient().GetFromJsonAsync<JsonObject>("/.well-known/openid-credential-issuer");
        var business = metadata!["credential_configurations_supported"]!["business-registration"]!;
        Assert.Equal("urn:kr:go:nara:vct:business-registration:1", business["vct"]!.GetValue<string>());
        Assert.Contains(business["credential_metadata"]!["claims"]!.AsArray(), c => c!["path"]![0]!.GetValue<string>() == "businesses");

        using var wallet = Wallet();
        var created = await OfferAsync(DemoPersonas.BusinessOwner, type: "business-registration");
        var offer = await wallet.OfferAsync(created["offerByReferenceLink"]!.GetValue<string>());
        var (_, token) = await wallet.TokenAsync(TestWallet.Code(offer), created["txCode"]!.GetValue<string>());
        var (response, body) = await wallet.CredentialAsync(token["access_token"]!.GetValue<string>(),
            TestWallet.CredentialRequest("business-registration", wallet.Proof(Issuer, await wallet.NonceAsync(), factory.Clock.GetUtcNow())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var credential = body!["credentials"]![0]!["credential"]!.GetValue<string>();
        var payload = Es256.Parse(credential.Split('~')[0])!.Payload;
        Assert.Equal("urn:kr:go:nara:vct:business-registration:1", payload["vct"]!.GetValue<string>());
        Assert.Equal(Es256.PublicJwk(wallet.Key).ToJsonString(), payload["cnf"]!["jwk"]!.ToJsonString());

        using var other = Wallet();
        var none = await OfferAsync(DemoPersonas.ElderlyAlone, type: "business-registration");
        var noneOffer = await other.OfferAsync(none["offerByReferenceLink"]!.GetValue<string>());
        var (_, noneToken) = await other.TokenAsync(TestWallet.Code(noneOffer), none["txCode"]!.GetValue<string>());
        var (denied, error) = await other.CredentialAsync(noneToken["access_token"]!.GetValue<string>(),
            TestWallet.CredentialRequest("business-registration", other.Proof(Issuer, await other.NonceAsync(), factory.Clock.GetUtcNow())));
        Assert.Equal(HttpStatusCode.BadRequest, denied.StatusCode);
        Assert.Equal("credential_request_denied", error!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_offer_without_a_transaction_code_needs_none_and_refuses_one()
    {
        using var wallet = Wallet();
        var created = await OfferAsync(DemoPersonas.SingleParent, txCode: false);
        var offer = await wallet.OfferAsync(created["offerLink"]!.GetValue<string>());
        Assert.Null(offer["grants"]![TestWallet.PreAuthorizedGrant]!["tx_code"]);

        var (withCode, error) = await wallet.TokenAsync(TestWallet.Code(offer), "123456");
        var (withoutCode, _) = await wallet.TokenAsync(TestWallet.Code(offer), null);

        Assert.Equal(HttpStatusCode.BadRequest, withCode.StatusCode);
        Assert.Equal("invalid_request", error["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, withoutCode.StatusCode);
    }

    [Fact]
    public async Task A_pre_authorized_code_buys_one_access_token_only()
    {
        using var wallet = Wallet();
        var created = await OfferAsync(DemoPersonas.FatherOfNewborn);
        var code = TestWallet.Code(await wallet.OfferAsync(created["offerLink"]!.GetValue<string>()));
        var tx = created["txCode"]!.GetValue<string>();

        var (first, _) = await wallet.TokenAsync(code, tx);
        var (second, error) = await wallet.TokenAsync(code, tx);
        var byReference = await wallet.Http.GetAsync(new Uri(created["credentialOfferUri"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("invalid_grant", error["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, byReference.StatusCode);
    }

    [Fact]
    public async Task An_expired_pre_authorized_code_is_refused()
    {
        using var wallet = Wallet();
        var created = await OfferAsync(DemoPersonas.MotherOfNewborn);
        var code = TestWallet.Code(await wallet.OfferAsync(created["offerLink"]!.GetValue<string>()));

        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var (response, error) = await wallet.TokenAsync(code, created["txCode"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", error["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_or_missing_transaction_code_is_refused_and_five_wrong_ones_kill_the_code()
    {
        using var wallet = Wallet();
        var created = await OfferAsync(DemoPersonas.DisabledAdult);
        var code = TestWallet.Code(await wallet.OfferAsync(created["offerLink"]!.GetValue<string>()));
        var right = created["txCode"]!.GetValue<string>();
        var wrong = right == "000000" ? "000001" : "000000";

        var (_, missing) = await wallet.TokenAsync(code, null);
        Assert.Equal("invalid_request", missing["error"]!.GetValue<string>());
        for (var i = 0; i < 5; i++)
        {
            var (response, error) = await wallet.TokenAsync(code, wrong);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("invalid_grant", error["error"]!.GetValue<string>());
        }

        var (afterFive, dead) = await wallet.TokenAsync(code, right);
        Assert.Equal(HttpStatusCode.BadRequest, afterFive.StatusCode);
        Assert.Equal("invalid_grant", dead["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_key_proofs_are_invalid_proof_and_do_not_spend_the_access_token()
    {
        using var wallet = Wallet();
        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var token = await AccessTokenAsync(wallet, DemoPersonas.SingleParentChild1);
        var now = factory.Clock.GetUtcNow();

        Assert.Equal("invalid_proof", await CredentialErrorAsync(wallet, token, TestWallet.CredentialRequest("resident-id", wallet.Proof("https://other-issuer.example", await wallet.NonceAsync(), now))));
        Assert.Equal("invalid_proof", await CredentialErrorAsync(wallet, token, TestWallet.CredentialRequest("resident-id", wallet.Proof(Issuer, await wallet.NonceAsync(), now, typ: "JWT"))));
        Assert.Equal("invalid_proof", await CredentialErrorAsync(wallet, token, TestWallet.CredentialRequest("resident-id", wallet.Proof(Issuer, await wallet.NonceAsync(), now, signer: other))));
        Assert.Equal("invalid_proof", await CredentialErrorAsync(wallet, token, TestWallet.CredentialRequest("resident-id", wallet.Proof(Issuer, null, now))));
        Assert.Equal("invalid_proof", await CredentialErrorAsync(wallet, token, TestWallet.CredentialRequest("resident-id", wallet.Proof(Issuer, await wallet.NonceAsync(), now.AddMinutes(-10)))));
        Assert.Equal("invalid_proof", await CredentialErrorAsync(wallet, token, new JsonObject { ["credential_configuration_id"] = "resident-id" }));
        var withPrivateKey = Es256.Sign(
            new JsonObject { ["typ"] = "openid4vci-proof+jwt", ["jwk"] = JsonNode.Parse(wallet.Key.ExportParameters(true) is var p
                ? $"{{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"{B64.Encode(p.Q.X)}\",\"y\":\"{B64.Encode(p.Q.Y)}\",\"d\":\"{B64.Encode(p.D)}\"}}" : "") },
            new JsonObject { ["aud"] = Issuer, ["iat"] = now.ToUnixTimeSeconds(), ["nonce"] = await wallet.NonceAsync() }, wallet.Key);
        Assert.Equal("invalid_proof", await CredentialErrorAsync(wallet, token, TestWallet.CredentialRequest("resident-id", withPrivateKey)));

        var (response, _) = await wallet.CredentialAsync(token, TestWallet.CredentialRequest("resident-id", wallet.Proof(Issuer, await wallet.NonceAsync(), now)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_nonce_works_once_and_only_while_fresh()
    {
        using var wallet = Wallet();
        var stale = await wallet.NonceAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var token = await AccessTokenAsync(wallet, DemoPersonas.YoungJobseeker);
        var now = factory.Clock.GetUtcNow();

        Assert.Equal("invalid_nonce", await CredentialErrorAsync(wallet, token, TestWallet.CredentialRequest("resident-id", wallet.Proof(Issuer, stale, now))));
        Assert.Equal("invalid_nonce", await CredentialErrorAsync(wallet, token, TestWallet.CredentialRequest("resident-id", wallet.Proof(Issuer, "made-up", now))));

        var nonce = await wallet.NonceAsync();
        var (ok, _) = await wallet.CredentialAsync(token, TestWallet.CredentialRequest("resident-id", wallet.Proof(Issuer, nonce, now)));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var second = await AccessTokenAsync(wallet, DemoPersonas.YoungJobseeker);
        Assert.Equal("invalid_nonce", await CredentialErrorAsync(wallet, second, TestWallet.CredentialRequest("resident-id", wallet.Proof(Issuer, nonce, now))));
    }

    [Fact]
    public async Task The_access_token_yields_one_credential_and_nothing_without_it()
    {
        using var wallet = Wallet();
        var token = await AccessTokenAsync(wallet, DemoPersonas.MotherOfNewborn);
        var now = factory.Clock.GetUtcNow();

        Assert.Equal("unknown_credential_configuration", await CredentialErrorAsync(wallet, token, TestWallet.CredentialRequest("driving-licence", wallet.Proof(Issuer, await wallet.NonceAsync(), now))));
        var (first, _) = await wallet.CredentialAsync(token, TestWallet.CredentialRequest("resident-id", wallet.Proof(Issuer, await wallet.NonceAsync(), now)));
        var (again, againBody) = await wallet.CredentialAsync(token, TestWallet.CredentialRequest("resident-id", wallet.Proof(Issuer, await wallet.NonceAsync(), now)));
        var (none, _) = await wallet.CredentialAsync(null, TestWallet.CredentialRequest("resident-id", wallet.Proof(Issuer, await wallet.NonceAsync(), now)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("invalid_token", againBody!["error"]!.GetValue<string>());
        Assert.Contains("invalid_token", again.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
    }

    [Fact]
    public async Task Offers_are_for_signed_in_citizens_and_known_types_only_and_are_audited()
    {
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var citizen = await CitizenAsync(DemoPersonas.FatherOfNewborn);

        var refused = await anonymous.PostAsJsonAsync("/api/credentials/my/offers", new { type = "resident-id" });
        var unknown = await citizen.PostAsJsonAsync("/api/credentials/my/offers", new { type = "driving-licence" });
        Assert.NotEqual(HttpStatusCode.Created, refused.StatusCode);
        Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.Forbidden, refused.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        var offer = await OfferAsync(DemoPersonas.FatherOfNewborn, citizen: citizen);
        var offerId = offer["id"]!.GetValue<Guid>();
        List<Guid> messages;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            messages = await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().OutboxMessages.Select(m => m.Id).ToListAsync();
        }

        await factory.DrainOutboxAsync();
        await using var check = factory.Services.CreateAsyncScope();
        var receipts = await check.ServiceProvider.GetRequiredService<IAuditEvidence>().FindBySourceMessagesAsync(messages, CancellationToken.None);
        Assert.Equal(messages.Count, receipts.Count);
        await using var db = check.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var stored = await db.Offers.SingleAsync(o => o.Id == offerId);
        Assert.DoesNotContain(stored.CodeHash, offer["offerLink"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
