using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Oid4vp;

/// <summary>
/// Signed OpenID4VP requests of the <c>x509_hash:</c> client identifier prefix (OpenID4VP 1.0 §5.9.3): the request
/// object is an ES256 JWS whose <c>x5c</c> header carries the verifier's certificate chain; the leaf's SHA-256 over its
/// DER (base64url) must be the client_id's value, the JWS must verify with the leaf's key, and the chain must lead to
/// one of the trust anchors configured in <c>Nara:Credentials:TrustedVerifierCertificates</c> (PEM files; none
/// configured: no signed request is trusted). Only then is the certificate's subject shown as who asks.
/// </summary>
internal sealed class TrustedVerifiers(IOptions<CredentialsOptions> options)
{
    public const string Prefix = "x509_hash:";

    private readonly Lazy<X509Certificate2Collection> _anchors = new(() => Load(options.Value.TrustedVerifierCertificates));

    /// <summary>Null when the request is signed by a trusted verifier whose leaf hash is <paramref name="hash"/>; else a refusal code.</summary>
    public string? Check(JsonObject header, string[] parts, string hash, DateTimeOffset now, out string? subject)
    {
        subject = null;
        if (Es256.Text(header, "alg") != Es256.Algorithm || header["x5c"] is not JsonArray { Count: > 0 and <= 5 } x5c)
        {
            return VerifierRequests.Codes.UnsupportedRequest;
        }

        var chain = new List<X509Certificate2>();
        try
        {
            foreach (var entry in x5c)
            {
                // x5c entries are standard base64 (RFC 7515 §4.1.6), not base64url.
                if (entry is not JsonValue v || !v.TryGetValue<string>(out var text) || text.Length > 8_000)
                {
                    return VerifierRequests.Codes.MalformedRequest;
                }

                chain.Add(X509CertificateLoader.LoadCertificate(Convert.FromBase64String(text)));
            }

            var leaf = chain[0];
            if (B64.Encode(SHA256.HashData(leaf.RawData)) != hash)
            {
                return VerifierRequests.Codes.ClientMismatch;
            }

            using var key = leaf.GetECDsaPublicKey();
            var signature = B64.TryDecode(parts[2]);
            if (key is null || key.KeySize != 256 || signature is not { Length: 64 }
                || !key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256))
            {
                return VerifierRequests.Codes.BadRequestSignature;
            }

            if (!Trusted(leaf, chain.Skip(1), now))
            {
                return VerifierRequests.Codes.UntrustedVerifier;
            }

            subject = leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            return null;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return VerifierRequests.Codes.MalformedRequest;
        }
        finally
        {
            chain.ForEach(c => c.Dispose());
        }
    }

    private bool Trusted(X509Certificate2 leaf, IEnumerable<X509Certificate2> intermediates, DateTimeOffset now)
    {
        if (_anchors.Value.Count == 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_anchors.Value);
        chain.ChainPolicy.ExtraStore.AddRange(intermediates.ToArray());
        // Verifier certificates carry no revocation endpoints we could reach reliably; trust is the configured anchors.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain.Build(leaf);
    }

    private static X509Certificate2Collection Load(IReadOnlyList<string> paths)
    {
        var anchors = new X509Certificate2Collection();
        foreach (var path in paths.Where(p => p.Length > 0))
        {
            anchors.ImportFromPemFile(path);
        }

        return anchors;
    }
}
