using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Tests;

/// <summary>SD-JWT encoding and verification, with the expected digests computed here, independently of the code under test.</summary>
public sealed class SdJwtTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);
    private readonly ECDsa _issuer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _holder = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _issuer.Dispose();
        _holder.Dispose();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s + new string('=', (4 - s.Length % 4) % 4));
    }

    private static string Sha256(string ascii) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(ascii)));

    private string Issue(long? exp = null, JsonObject? status = null, Func<string>? salts = null)
    {
        var visible = new JsonObject
        {
            ["iss"] = "https://nara.example",
            ["iat"] = Now.ToUnixTimeSeconds(),
            ["vct"] = "https://nara.example/credentials/resident-id",
            ["cnf"] = new JsonObject { ["jwk"] = Es256.PublicJwk(_holder) },
        };
        if (exp is not null)
        {
            visible["exp"] = exp;
        }

        if (status is not null)
        {
            visible["status"] = status;
        }

        var disclosable = new JsonObject
        {
            ["given_name"] = "길동",
            ["family_name"] = "홍",
            ["birthdate"] = "1990-05-01",
            ["age_over_19"] = true,
            ["nationalities"] = new JsonArray("KR", "US"),
        };
        return new SdJwtIssuer(salts).Issue(new SdJwtIssueRequest("dc+sd-jwt", visible, disclosable, _issuer, "k1", new HashSet<string> { "nationalities" })).Compact;
    }

    private VerifyOptions Options(string? audience = "https://shop.example", string? nonce = "n-1", Func<StatusReference, CancellationToken, ValueTask<int?>>? status = null) =>
        new(kid => kid == "k1" ? _issuer : null, Now, audience, nonce, Status: status);

    private string Present(string issued, params string[] claims) =>
        SdJwtPresenter.Present(issued, claims, _holder, "https://shop.example", "n-1", Now);

    [Fact]
    public void The_RFC_9901_example_disclosure_hashes_to_the_digest_given_in_the_RFC()
    {
        var disclosure = Disclosure.Parse("WyI2cU1RdlJMNWhhaiIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0", out var problem);

        Assert.Null(problem);
        Assert.Equal("uutlBuYeMDyjLLTpf6Jxi7yNkEF35jdyWMn9U7b_RYY", disclosure!.Digest);
        Assert.Equal("family_name", disclosure.Name);
        Assert.Equal("Möbius", disclosure.Value!.GetValue<string>());
    }

    [Fact]
    public void Every_disclosure_is_a_salted_array_and_its_SHA_256_is_in_the_signed_sd_list()
    {
        var salt = 0;
        var issued = Issue(salts: () => "salt" + salt++);

        var parts = issued.Split('~');
        var payload = JsonNode.Parse(FromBase64Url(parts[0].Split('.')[1]))!.AsObject();
        var sd = payload["_sd"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();
        var disclosures = parts[1..^1];
        var arrays = disclosures.Select(d => JsonNode.Parse(FromBase64Url(d))!.AsArray()).ToList();

        Assert.Equal("sha-256", payload["_sd_alg"]!.GetValue<string>());
        Assert.Equal("", parts[^1]);
        Assert.Null(payload["given_name"]);
        var given = disclosures[arrays.FindIndex(a => a.Count == 3 && a[1]!.GetValue<string>() == "given_name")];
        Assert.Equal("[\"salt0\",\"given_name\",\"길동\"]", JsonNode.Parse(FromBase64Url(given))!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Contains(Sha256(given), sd);
        Assert.Equal(sd.Order(StringComparer.Ordinal), sd);
        var topLevel = disclosures.Where((d, i) => arrays[i].Count == 3).Select(Sha256).Order(StringComparer.Ordinal);
        Assert.Equal(topLevel, sd);
        var nationalities = arrays.Single(a => a.Count == 3 && a[1]!.GetValue<string>() == "nationalities")[2]!.AsArray();
        var elementDigests = disclosures.Where((d, i) => arrays[i].Count == 2).Select(Sha256).ToList();
        Assert.Equal(elementDigests, nationalities.Select(e => e!["..."]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_verifier_learns_only_the_disclosed_claims()
    {
        var presentation = Present(Issue(), "age_over_19");

        var result = await SdJwtVerifier.VerifyAsync(presentation, Options());

        Assert.True(result.Valid, result.Reason);
        Assert.True(result.Claims!["age_over_19"]!.GetValue<bool>());
        Assert.Null(result.Claims["birthdate"]);
        Assert.Null(result.Claims["given_name"]);
        Assert.Equal(["age_over_19"], result.DisclosedClaims);
        Assert.Equal(3, presentation.Split('~').Length); // issuer JWT, one disclosure, KB-JWT
    }

    [Fact]
    public async Task An_array_claim_is_disclosed_element_by_element()
    {
        var result = await SdJwtVerifier.VerifyAsync(Present(Issue(), "nationalities"), Options());

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(["KR", "US"], result.Claims!["nationalities"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void The_key_binding_JWT_carries_the_SHA_256_of_the_presentation_up_to_the_last_tilde()
    {
        var presentation = Present(Issue(), "given_name");

        var kb = presentation[(presentation.LastIndexOf('~') + 1)..];
        var header = JsonNode.Parse(FromBase64Url(kb.Split('.')[0]))!;
        var payload = JsonNode.Parse(FromBase64Url(kb.Split('.')[1]))!;
        Assert.Equal("kb+jwt", header["typ"]!.GetValue<string>());
        Assert.Equal(Sha256(presentation[..(presentation.LastIndexOf('~') + 1)]), payload["sd_hash"]!.GetValue<string>());
        Assert.Equal("https://shop.example", payload["aud"]!.GetValue<string>());
        Assert.Equal("n-1", payload["nonce"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tampered_payload_is_refused_as_a_bad_signature()
    {
        var parts = Present(Issue(), "given_name").Split('~');
        var jwt = parts[0].Split('.');
        var payload = JsonNode.Parse(FromBase64Url(jwt[1]))!.AsObject();
        payload["vct"] = "https://nara.example/credentials/other";
        parts[0] = jwt[0] + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString())) + "." + jwt[2];

        Assert.Equal(Rejection.BadSignature, (await SdJwtVerifier.VerifyAsync(string.Join('~', parts), Options(null, null))).Rejection);
    }

    [Fact]
    public async Task A_wrong_typ_and_an_unknown_issuer_key_are_refused()
    {
        var issued = Issue();

        var otherType = await SdJwtVerifier.VerifyAsync(issued, Options(null, null) with { ExpectedType = "vc+sd-jwt" });
        var unknownKey = await SdJwtVerifier.VerifyAsync(issued, Options(null, null) with { IssuerKeys = _ => null });

        Assert.Equal(Rejection.WrongType, otherType.Rejection);
        Assert.Equal(Rejection.UnknownIssuerKey, unknownKey.Rejection);
    }

    [Fact]
    public async Task A_disclosure_that_matches_no_digest_is_refused()
    {
        var foreign = Base64Url(Encoding.UTF8.GetBytes("[\"abc\",\"age_over_65\",true]"));

        var result = await SdJwtVerifier.VerifyAsync(Issue() + foreign + "~", Options(null, null));

        Assert.Equal(Rejection.DisclosureNotReferenced, result.Rejection);
    }

    [Fact]
    public async Task A_disclosure_presented_twice_is_refused()
    {
        var issued = Issue();
        var first = issued.Split('~')[1];

        var result = await SdJwtVerifier.VerifyAsync(issued + first + "~", Options(null, null));

        Assert.Equal(Rejection.DuplicateDisclosure, result.Rejection);
    }

    [Fact]
    public async Task A_presentation_without_key_binding_is_refused_when_the_verifier_asks_for_one()
    {
        var result = await SdJwtVerifier.VerifyAsync(Issue(), Options());

        Assert.Equal(Rejection.KeyBindingMissing, result.Rejection);
    }

    [Fact]
    public async Task Key_binding_for_another_audience_or_nonce_or_other_disclosures_is_refused()
    {
        var presentation = Present(Issue(), "given_name", "birthdate");
        var parts = presentation.Split('~').ToList();
        parts.RemoveAt(2); // drop one disclosure after the holder signed: sd_hash no longer matches

        Assert.Equal(Rejection.WrongAudience, (await SdJwtVerifier.VerifyAsync(presentation, Options(audience: "https://bank.example"))).Rejection);
        Assert.Equal(Rejection.WrongNonce, (await SdJwtVerifier.VerifyAsync(presentation, Options(nonce: "n-2"))).Rejection);
        Assert.Equal(Rejection.WrongSdHash, (await SdJwtVerifier.VerifyAsync(string.Join('~', parts), Options())).Rejection);
        Assert.True((await SdJwtVerifier.VerifyAsync(presentation, Options())).Valid);
    }

    [Fact]
    public async Task Key_binding_signed_by_another_key_is_refused()
    {
        using var thief = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var presentation = SdJwtPresenter.Present(Issue(), ["given_name"], thief, "https://shop.example", "n-1", Now);

        Assert.Equal(Rejection.KeyBindingInvalid, (await SdJwtVerifier.VerifyAsync(presentation, Options())).Rejection);
    }

    [Fact]
    public async Task An_expired_credential_is_refused()
    {
        var result = await SdJwtVerifier.VerifyAsync(Present(Issue(exp: Now.ToUnixTimeSeconds() - 1), "given_name"), Options());

        Assert.Equal(Rejection.Expired, result.Rejection);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, "revoked")]
    [InlineData(2, "suspended")]
    public async Task The_status_list_entry_decides_revocation_and_suspension(int entry, string? expected)
    {
        var list = new StatusList(2, 64) { [7] = entry };
        var token = StatusListToken.Sign("https://nara.example/status/1", list, Now, TimeSpan.FromDays(1), TimeSpan.FromMinutes(10), _issuer, "k1");
        var status = new JsonObject { ["status_list"] = new JsonObject { ["idx"] = 7, ["uri"] = "https://nara.example/status/1" } };
        ValueTask<int?> Resolve(StatusReference reference, CancellationToken _) =>
            ValueTask.FromResult(StatusListToken.Read(token, reference.Uri, kid => kid == "k1" ? _issuer : null, Now)?[reference.Index]);

        var result = await SdJwtVerifier.VerifyAsync(Present(Issue(status: status), "given_name"), Options(status: Resolve));

        Assert.Equal(expected, result.Rejection?.Code());
    }
}
