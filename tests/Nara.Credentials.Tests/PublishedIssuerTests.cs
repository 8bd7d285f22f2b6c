using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Tests;

/// <summary>A verifier elsewhere: keys from the published JWKS, status from a fetched Status List Token, no call to the issuer per check.</summary>
public sealed class PublishedIssuerTests : IDisposable
{
    private const string ListUri = "https://nara.example/api/credentials/status/1";
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);
    private readonly ECDsa _issuer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _holder = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly FakeTimeProvider _clock = new(Now);

    public void Dispose()
    {
        _issuer.Dispose();
        _holder.Dispose();
    }

    private static JsonObject Jwks(ECDsa key, string kid) => new() { ["keys"] = new JsonArray(Es256.PublicJwk(key, kid)) };

    private static string Token(StatusList list, ECDsa key, string kid, TimeSpan ttl) =>
        StatusListToken.Sign(ListUri, list, Now, TimeSpan.FromDays(1), ttl, key, kid);

    private string Presentation(int index)
    {
        var visible = new JsonObject
        {
            ["iss"] = "https://nara.example",
            ["iat"] = Now.ToUnixTimeSeconds(),
            ["vct"] = "urn:kr:go:nara:vct:resident-id:1",
            ["cnf"] = new JsonObject { ["jwk"] = Es256.PublicJwk(_holder) },
            ["status"] = new JsonObject { ["status_list"] = new JsonObject { ["idx"] = index, ["uri"] = ListUri } },
        };
        var issued = new SdJwtIssuer().Issue(new SdJwtIssueRequest("dc+sd-jwt", visible, new JsonObject { ["age_over_19"] = true }, _issuer, "k1")).Compact;
        return SdJwtPresenter.Present(issued, ["age_over_19"], _holder, "https://shop.example", "n-1", Now);
    }

    private VerifyOptions Options(PublishedIssuer published) =>
        new(published.Find, _clock.GetUtcNow(), "https://shop.example", "n-1", Status: published.ResolveAsync);

    [Fact]
    public async Task A_verifier_with_the_JWKS_and_a_fetched_list_accepts_a_valid_credential_and_refuses_a_revoked_one()
    {
        using var published = PublishedIssuer.FromJwks(Jwks(_issuer, "k1"), _clock);
        Assert.True(published.AddStatusList(ListUri, Token(new StatusList(2, 64) { [5] = StatusList.Invalid, [6] = StatusList.Suspended }, _issuer, "k1", TimeSpan.FromMinutes(5))));

        Assert.True((await SdJwtVerifier.VerifyAsync(Presentation(4), Options(published))).Valid);
        Assert.Equal(Rejection.Revoked, (await SdJwtVerifier.VerifyAsync(Presentation(5), Options(published))).Rejection);
        Assert.Equal(Rejection.Suspended, (await SdJwtVerifier.VerifyAsync(Presentation(6), Options(published))).Rejection);
    }

    [Fact]
    public async Task A_kept_list_goes_stale_after_its_ttl_and_the_status_is_then_unavailable()
    {
        using var published = PublishedIssuer.FromJwks(Jwks(_issuer, "k1"), _clock);
        published.AddStatusList(ListUri, Token(new StatusList(2, 64), _issuer, "k1", TimeSpan.FromMinutes(5)));

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(Rejection.StatusUnavailable, (await SdJwtVerifier.VerifyAsync(Presentation(4), Options(published))).Rejection);
    }

    [Fact]
    public async Task Without_a_fetched_list_or_for_an_index_outside_it_the_status_is_unavailable()
    {
        using var published = PublishedIssuer.FromJwks(Jwks(_issuer, "k1"), _clock);
        Assert.Equal(Rejection.StatusUnavailable, (await SdJwtVerifier.VerifyAsync(Presentation(4), Options(published))).Rejection);

        published.AddStatusList(ListUri, Token(new StatusList(2, 64), _issuer, "k1", TimeSpan.FromMinutes(5)));
        Assert.Equal(Rejection.StatusUnavailable, (await SdJwtVerifier.VerifyAsync(Presentation(64), Options(published))).Rejection);
    }

    [Fact]
    public void A_list_token_signed_by_a_key_outside_the_JWKS_or_for_another_URI_is_not_kept()
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var published = PublishedIssuer.FromJwks(Jwks(_issuer, "k1"), _clock);

        Assert.False(published.AddStatusList(ListUri, Token(new StatusList(2, 64), stranger, "k1", TimeSpan.FromMinutes(5))));
        Assert.False(published.AddStatusList(ListUri + "0", Token(new StatusList(2, 64), _issuer, "k1", TimeSpan.FromMinutes(5))));
    }

    [Fact]
    public async Task A_credential_signed_by_a_kid_not_in_the_JWKS_is_an_unknown_issuer_key()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var published = PublishedIssuer.FromJwks(Jwks(other, "k2"), _clock);

        Assert.Equal(["k2"], published.KeyIds);
        Assert.Equal(Rejection.UnknownIssuerKey, (await SdJwtVerifier.VerifyAsync(Presentation(4), Options(published))).Rejection);
    }
}
