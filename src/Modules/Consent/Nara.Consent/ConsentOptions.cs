namespace Nara.Consent;

/// <summary>Bound from <c>Nara:Consent</c>.</summary>
internal sealed class ConsentOptions
{
    public const string Section = "Nara:Consent";

    /// <summary>ECDSA P-256 private key (PKCS#8 PEM) that signs consent records; default &lt;DataDirectory&gt;/keys/consent-signing.pem, created on first start.</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>How often, at most, a host checks whether another host sharing the key directory rotated the signing key.</summary>
    public TimeSpan KeyRingRefresh { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The agency that runs the platform; its administrators manage every controller's agreements.</summary>
    public string PlatformAgency { get; set; } = "MOIS";
}
