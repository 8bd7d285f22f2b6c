namespace Nara.Identity.Domain;

/// <summary>
/// A key of the OpenID provider (RSA, 2048 bits). The private key is stored only protected by ASP.NET Data
/// Protection. The newest unretired key of each use signs or encrypts; retired keys still validate until they expire.
/// </summary>
internal sealed class OidcKey
{
    public const string Signing = "sig";
    public const string Encryption = "enc";

    /// <summary>The JWK "kid".</summary>
    public required string Id { get; set; }

    /// <summary><see cref="Signing"/> or <see cref="Encryption"/>.</summary>
    public required string Use { get; set; }

    /// <summary>PKCS#8 private key, protected with the purpose <c>Nara.Identity.OidcKeys</c>.</summary>
    public required string ProtectedKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a newer key took over; null while this key is the one in use.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>After this, tokens it signed can no longer be live, and the key is dropped.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
