using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Nara.Credentials.SdJwt;

namespace Nara.Benchmarks;

/// <summary>
/// The CPU side of credentials (issue #8 asks for ≥ 3,000 issued/s and ≥ 5,000 verified/s): issuing a mobile-ID-shaped
/// SD-JWT VC (10 disclosable claims), presenting two claims with a KB-JWT, verifying that presentation with key binding,
/// and verifying it as a verifier elsewhere does: keys imported once from the JWKS, status from a kept Status List Token.
/// </summary>
[MemoryDiagnoser]
public class CredentialsBenchmarks : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);
    private readonly ECDsa _issuerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _holderKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly SdJwtIssuer _issuer = new();
    private SdJwtIssueRequest _request = null!;
    private string _issued = "";
    private string _presentation = "";
    private VerifyOptions _options = null!;
    private PublishedIssuer _published = null!;
    private string _presentationWithStatus = "";

    [GlobalSetup]
    public void Setup()
    {
        var visible = new JsonObject
        {
            ["iss"] = "https://nara.go.kr",
            ["iat"] = Now.ToUnixTimeSeconds(),
            ["exp"] = Now.AddYears(1).ToUnixTimeSeconds(),
            ["vct"] = "urn:kr:go:nara:vct:resident-id:1",
            ["cnf"] = new JsonObject { ["jwk"] = Es256.PublicJwk(_holderKey) },
        };
        var disclosable = new JsonObject
        {
            ["name"] = "김서연", ["name_en"] = "Kim Seo-yeon", ["birthdate"] = "1993-05-14", ["nationality"] = "KR",
            ["age_over_14"] = true, ["age_over_19"] = true, ["age_over_65"] = false, ["resident_of"] = "11",
            ["photo_ref"] = "urn:kr:go:nara:photo:1",
            ["address"] = new JsonObject { ["formatted"] = "서울특별시 종로구 세종대로 209", ["postal_code"] = "03171" },
        };
        _request = new SdJwtIssueRequest("dc+sd-jwt", visible, disclosable, _issuerKey, "k1");
        _issued = _issuer.Issue(_request).Compact;
        _presentation = SdJwtPresenter.Present(_issued, ["age_over_19", "resident_of"], _holderKey, "https://shop.example", "n", Now);
        _options = new VerifyOptions(kid => kid == "k1" ? _issuerKey : null, Now, "https://shop.example", "n");

        const string listUri = "https://nara.go.kr/api/credentials/status/1";
        _published = PublishedIssuer.FromJwks(new JsonObject { ["keys"] = new JsonArray(Es256.PublicJwk(_issuerKey, "k1")) });
        _published.AddStatusList(listUri, StatusListToken.Sign(listUri, new StatusList(2, 1 << 17), DateTimeOffset.UtcNow, TimeSpan.FromDays(1), TimeSpan.FromHours(1), _issuerKey, "k1"));
        visible["status"] = new JsonObject { ["status_list"] = new JsonObject { ["idx"] = 4242, ["uri"] = listUri } };
        var withStatus = _issuer.Issue(_request with { Visible = visible }).Compact;
        _presentationWithStatus = SdJwtPresenter.Present(withStatus, ["age_over_19", "resident_of"], _holderKey, "https://shop.example", "n", Now);
    }

    [Benchmark]
    public string Issue() => _issuer.Issue(_request).Compact;

    [Benchmark]
    public string Present() => SdJwtPresenter.Present(_issued, ["age_over_19", "resident_of"], _holderKey, "https://shop.example", "n", Now);

    [Benchmark]
    public async Task<bool> Verify() => (await SdJwtVerifier.VerifyAsync(_presentation, _options)).Valid;

    /// <summary>As a verifier elsewhere embeds it: issuer key from the published JWKS (imported once), status from the kept list.</summary>
    [Benchmark]
    public async Task<bool> VerifyOffline() =>
        (await SdJwtVerifier.VerifyAsync(_presentationWithStatus, new VerifyOptions(_published.Find, Now, "https://shop.example", "n", Status: _published.ResolveAsync))).Valid;

    public void Dispose()
    {
        _published?.Dispose();
        _issuerKey.Dispose();
        _holderKey.Dispose();
        GC.SuppressFinalize(this);
    }
}
