using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Nara.Credentials.SdJwt;
using Nara.Registries.Contracts;

namespace Nara.Credentials.Tests;

/// <summary>A test verifier CA (trusted by the host) and another one (not), made fresh for the run.</summary>
public sealed class SignedRequestFactory : WalletRequestFactory
{
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _anchorPath = Path.Combine(Path.GetTempPath(), $"nara-verifier-ca-{Guid.NewGuid():N}.pem");

    public SignedRequestFactory()
    {
        (Ca, CaKey) = Authority("CN=Nara Test Verifier CA");
        (OtherCa, OtherCaKey) = Authority("CN=Somebody Else's CA");
        File.WriteAllText(_anchorPath, Ca.ExportCertificatePem());
        With("Nara:Credentials:TrustedVerifierCertificates:0", _anchorPath);
    }

    public X509Certificate2 Ca { get; }

    public ECDsa CaKey { get; }

    public X509Certificate2 OtherCa { get; }

    public ECDsa OtherCaKey { get; }

    /// <summary>A verifier's leaf certificate issued by <paramref name="issuer"/>, with its private key.</summary>
    public static (X509Certificate2 Leaf, ECDsa Key) Leaf(X509Certificate2 issuer, string name, DateTimeOffset? notAfter = null)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var leaf = request.Create(issuer, From, notAfter ?? From.AddYears(2), RandomNumberGenerator.GetBytes(8));
        return (leaf, key);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_anchorPath);
    }

    private static (X509Certificate2, ECDsa) Authority(string name)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return (request.CreateSelfSigned(From, From.AddYears(10)), key);
    }
}

/// <summary>
/// The web wallet answers a signed OpenID4VP request of the x509_hash: prefix when the leaf's hash is the client_id,
/// the JWS verifies with the leaf's key and the chain leads to a configured trust anchor — and refuses every other case.
/// </summary>
public sealed class SignedVerifierRequestTests(SignedRequestFactory factory) : IClassFixture<SignedRequestFactory>
{
    private static string ClientId(X509Certificate2 leaf) => "x509_hash:" + B64.Encode(SHA256.HashData(leaf.RawData));

    private JsonObject Payload(string clientId) => new()
    {
        ["client_id"] = clientId,
        ["response_type"] = "vp_token",
        ["response_mode"] = "direct_post",
        ["response_uri"] = "https://verifier.example/signed/response",
        ["nonce"] = "signed-nonce",
        ["state"] = "s",
        ["exp"] = factory.Clock.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds(),
        ["client_metadata"] = new JsonObject { ["client_name"] = "What it says about itself" },
        ["dcql_query"] = new JsonObject
        {
            ["credentials"] = new JsonArray(new JsonObject
            {
                ["id"] = "pid",
                ["format"] = "dc+sd-jwt",
                ["meta"] = new JsonObject { ["vct_values"] = new JsonArray("urn:kr:go:nara:vct:resident-id:1") },
                ["claims"] = new JsonArray(new JsonObject { ["path"] = new JsonArray("age_over_19") }),
            }),
        },
    };

    /// <summary>Serves the request object at https://verifier.example/{path} and answers the link for it.</summary>
    private string Serve(string path, string requestObject, string clientId)
    {
        factory.ForeignRequests["/" + path] = requestObject;
        return $"openid4vp://?client_id={Uri.EscapeDataString(clientId)}&request_uri={Uri.EscapeDataString("https://verifier.example/" + path)}";
    }

    private static string Signed(JsonObject payload, ECDsa key, params X509Certificate2[] x5c) =>
        Es256.Sign(new JsonObject { ["typ"] = "oauth-authz-req+jwt", ["x5c"] = new JsonArray([.. x5c.Select(c => (JsonNode)Convert.ToBase64String(c.RawData))]) }, payload, key);

    private static async Task<string> RefusalAsync(HttpResponseMessage response) =>
        Regex.Match(await response.Content.ReadAsStringAsync(), "data-(?:refusal|result)=\"([^\"]+)\"").Groups[1].Value;

    private static Task<HttpResponseMessage> OpenAsync(HttpClient citizen, string link) =>
        citizen.GetAsync(new Uri($"/my/wallet/request?request={Uri.EscapeDataString(link)}", UriKind.Relative));

    [Fact]
    public async Task A_request_signed_by_a_trusted_verifier_shows_its_certified_name_and_is_answered_for_its_client_id()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.MotherOfNewborn);
        var mobileId = await citizen.GetMobileIdAsync();
        var (leaf, key) = SignedRequestFactory.Leaf(factory.Ca, "CN=Example Bank Verifier");
        var clientId = ClientId(leaf);
        var link = Serve("signed", Signed(Payload(clientId), key, leaf), clientId);

        var shown = await OpenAsync(citizen, link);
        var html = await shown.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Matches("id=\"certified-verifier\"><strong>Example Bank Verifier</strong>", html);
        var answersBefore = factory.ForeignAnswers.Count;

        var sent = await citizen.PostFormAsync("/my/wallet/request", "/my/wallet/request?handler=Send",
            [new("request", link), new("credential", mobileId.ToString("D"))]);

        Assert.Equal("sent", await RefusalAsync(sent));
        Assert.Equal(answersBefore + 1, factory.ForeignAnswers.Count);
        var answer = factory.ForeignAnswers.Single(a => a.Contains("vp_token", StringComparison.Ordinal) && a.Contains("state=s", StringComparison.Ordinal)
            && KbAudience(a) == clientId);
        Assert.NotNull(answer);
    }

    [Fact]
    public async Task A_request_whose_certificate_chain_leads_to_no_configured_anchor_is_refused_as_untrusted()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.FatherOfNewborn);
        var (leaf, key) = SignedRequestFactory.Leaf(factory.OtherCa, "CN=Unknown Shop");
        var (expired, expiredKey) = SignedRequestFactory.Leaf(factory.Ca, "CN=Expired Shop", notAfter: new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));

        var untrusted = await OpenAsync(citizen, Serve("untrusted", Signed(Payload(ClientId(leaf)), key, leaf, factory.OtherCa), ClientId(leaf)));
        var outdated = await OpenAsync(citizen, Serve("expired", Signed(Payload(ClientId(expired)), expiredKey, expired), ClientId(expired)));

        Assert.Equal("untrusted-verifier", await RefusalAsync(untrusted));
        Assert.Equal("untrusted-verifier", await RefusalAsync(outdated));
    }

    [Fact]
    public async Task A_wrong_hash_a_wrong_signature_or_an_unsigned_x509_hash_request_is_refused()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.FatherOfNewborn);
        var (leaf, key) = SignedRequestFactory.Leaf(factory.Ca, "CN=Example Bank Verifier");
        var (other, _) = SignedRequestFactory.Leaf(factory.Ca, "CN=Another Verifier");
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var unsignedObject = B64.Encode("""{"alg":"none","typ":"oauth-authz-req+jwt"}""") + "." + B64.Encode(Payload(ClientId(leaf)).ToJsonString()) + ".";

        var wrongHash = await OpenAsync(citizen, Serve("wrong-hash", Signed(Payload(ClientId(other)), key, leaf), ClientId(other)));
        var wrongKey = await OpenAsync(citizen, Serve("wrong-key", Signed(Payload(ClientId(leaf)), stranger, leaf), ClientId(leaf)));
        var unsigned = await OpenAsync(citizen, Serve("unsigned", unsignedObject, ClientId(leaf)));

        Assert.Equal("client-mismatch", await RefusalAsync(wrongHash));
        Assert.Equal("bad-request-signature", await RefusalAsync(wrongKey));
        Assert.Equal("unsupported-request", await RefusalAsync(unsigned));
    }

    /// <summary>The aud of the KB-JWT in a direct_post answer (vp_token = {"pid": [presentation]}).</summary>
    private static string? KbAudience(string form)
    {
        var vpToken = form.Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == "vp_token").Select(p => Uri.UnescapeDataString(p[1].Replace('+', ' '))).SingleOrDefault();
        var presentation = vpToken is null ? null : JsonNode.Parse(vpToken)?["pid"]?[0]?.GetValue<string>();
        var kb = presentation?.Split('~')[^1];
        return kb is null ? null : Es256.Parse(kb)?.Payload["aud"]?.GetValue<string>();
    }
}
