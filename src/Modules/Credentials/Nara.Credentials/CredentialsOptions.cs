namespace Nara.Credentials;

/// <summary>Settings under <c>Nara:Credentials</c>.</summary>
public sealed class CredentialsOptions
{
    public const string Section = "Nara:Credentials";

    /// <summary>The issuer identifier (iss) and base of the metadata URLs; empty: the request's own scheme and host.</summary>
    public string IssuerUrl { get; set; } = "";

    /// <summary>The issuer's ES256 private key (PEM); empty: <c>&lt;DataDirectory&gt;/keys/credentials-issuer.pem</c>.</summary>
    public string IssuerKeyPath { get; set; } = "";

    /// <summary>How often a host checks whether another host rotated the shared issuer key (the ring file changed).</summary>
    public TimeSpan KeyRingRefresh { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The agency whose administrators may rotate the issuer key.</summary>
    public string PlatformAgency { get; set; } = "MOIS";

    /// <summary>How long a credential is valid after issuance.</summary>
    public TimeSpan Validity { get; set; } = TimeSpan.FromDays(365);
}
