namespace Nara.Exchange;

/// <summary>Bound from <c>Nara:Exchange</c>.</summary>
internal sealed class ExchangeOptions
{
    public const string Section = "Nara:Exchange";

    /// <summary>The X-Road instance identifier of this deployment: the first segment of every member id.</summary>
    public string Instance { get; set; } = "KR";

    /// <summary>ECDSA P-256 private key (PKCS#8 PEM) that signs responses; default &lt;DataDirectory&gt;/keys/exchange-signing.pem, created on first start.</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>The agency that runs the platform; its administrators manage members, services and access rights.</summary>
    public string PlatformAgency { get; set; } = "MOIS";

    /// <summary>The longest any provider may take; a service's own timeout cannot exceed it.</summary>
    public int MaxProviderTimeoutMs { get; set; } = 2000;
}
