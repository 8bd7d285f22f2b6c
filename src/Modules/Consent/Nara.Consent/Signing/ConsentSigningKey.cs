using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Nara.Kernel.Data;
using Nara.Kernel.Security;

namespace Nara.Consent.Signing;

/// <summary>
/// The ES256 key that signs consent records and receipts. Kept as a PEM file outside the repository (under
/// the data directory unless configured), created with owner-only permissions on first start, like the
/// Audit module's tree-head key. Signatures are compact JWS made and checked by Microsoft.IdentityModel.
/// </summary>
internal sealed class ConsentSigningKey : IDisposable
{
    private readonly ECDsa _key;
    private readonly ECDsaSecurityKey _securityKey;
    private readonly JsonWebTokenHandler _handler = new();

    public ConsentSigningKey(IOptions<ConsentOptions> options, IOptions<DatabaseOptions> database, ILogger<ConsentSigningKey> logger)
    {
        Path = options.Value.SigningKeyPath is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(database.Value.DataDirectory, "keys", "consent-signing.pem");
        (_key, var created) = PrivateKeyFiles.LoadOrCreateP256(Path);
        if (created)
        {
            logger.LogInformation("Created the consent signing key at {Path}", Path);
        }

        PublicKey = _key.ExportSubjectPublicKeyInfo();
        KeyId = Base64UrlEncoder.Encode(SHA256.HashData(PublicKey))[..16];
        _securityKey = new ECDsaSecurityKey(_key) { KeyId = KeyId };
        using var publicOnly = ECDsa.Create();
        publicOnly.ImportSubjectPublicKeyInfo(PublicKey, out _);
        Jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(publicOnly.ExportParameters(false))) { KeyId = KeyId });
        Jwk.Use = "sig";
        Jwk.Alg = SecurityAlgorithms.EcdsaSha256;
    }

    public string Path { get; }

    public string KeyId { get; }

    public byte[] PublicKey { get; }

    /// <summary>The public key as a JWK, for receipts and the public key endpoint.</summary>
    public JsonWebKey Jwk { get; }

    /// <summary>A compact JWS (ES256, typ "consent-record+jws") over the JSON object <paramref name="payloadJson"/>.</summary>
    public string Sign(string payloadJson) =>
        _handler.CreateToken(payloadJson, new SigningCredentials(_securityKey, SecurityAlgorithms.EcdsaSha256),
            new Dictionary<string, object> { [JwtHeaderParameterNames.Typ] = "consent-record+jws" });

    /// <summary>True when <paramref name="jws"/> was signed by this key and its payload is exactly <paramref name="payloadJson"/>.</summary>
    public async Task<bool> VerifyAsync(string jws, string payloadJson)
    {
        var result = await _handler.ValidateTokenAsync(jws, new TokenValidationParameters
        {
            IssuerSigningKey = _securityKey,
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return false;
        }

        return string.Equals(Base64UrlEncoder.Decode(token.EncodedPayload), payloadJson, StringComparison.Ordinal);
    }

    public void Dispose() => _key.Dispose();
}
