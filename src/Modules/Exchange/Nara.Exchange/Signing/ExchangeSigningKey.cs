using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nara.Kernel.Data;
using Nara.Kernel.Security;

namespace Nara.Exchange.Signing;

/// <summary>
/// The mediator's ES256 key: it signs every response (a compact JWS over the request and response hashes),
/// so a client can prove later what the mediator answered to which question. Kept as a PEM file outside the
/// repository, created owner-only on first start. The JWS is built directly (RFC 7515 §3.1) because the
/// payload is a small fixed object and this runs on every exchange.
/// </summary>
internal sealed class ExchangeSigningKey : IDisposable
{
    public const string Type = "exchange-response+jws";

    private readonly ECDsa _key;
    private readonly string _header;

    public ExchangeSigningKey(IOptions<ExchangeOptions> options, IOptions<DatabaseOptions> database, ILogger<ExchangeSigningKey> logger)
    {
        var path = options.Value.SigningKeyPath is { Length: > 0 } configured
            ? configured
            : Path.Combine(database.Value.DataDirectory, "keys", "exchange-signing.pem");
        (_key, var created) = PrivateKeyFiles.LoadOrCreateP256(path);
        if (created)
        {
            logger.LogInformation("Created the exchange signing key at {Path}", path);
        }

        var parameters = _key.ExportParameters(false);
        KeyId = Base64Url.EncodeToString(SHA256.HashData(_key.ExportSubjectPublicKeyInfo()))[..16];
        Jwk = new Dictionary<string, string>
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64Url.EncodeToString(parameters.Q.X),
            ["y"] = Base64Url.EncodeToString(parameters.Q.Y), ["kid"] = KeyId, ["use"] = "sig", ["alg"] = "ES256",
        };
        _header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"alg":"ES256","typ":"{{Type}}","kid":"{{KeyId}}"}"""));
    }

    public string KeyId { get; }

    /// <summary>The public key as a JWK, served at <c>/api/exchange/signing-key</c>.</summary>
    public IReadOnlyDictionary<string, string> Jwk { get; }

    /// <summary>A compact JWS over the UTF-8 JSON <paramref name="payloadJson"/>.</summary>
    public string Sign(string payloadJson)
    {
        var signingInput = _header + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>The payload JSON when <paramref name="jws"/> is a well-formed ES256 JWS made with this key; null otherwise.</summary>
    public string? Verify(string jws)
    {
        var parts = jws.Split('.');
        if (parts.Length != 3 || !string.Equals(parts[0], _header, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var signature = Base64Url.DecodeFromChars(parts[2]);
            var valid = _key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            return valid ? Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public void Dispose() => _key.Dispose();
}
