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

    /// <summary>How long an OpenID4VCI offer's pre-authorized code can be redeemed (short: it is a bearer secret in a QR code).</summary>
    public TimeSpan OfferLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the access token from the token endpoint can fetch the credential.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a c_nonce from the nonce endpoint is accepted in a key proof.</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an OpenID4VP request can be answered, and its result read.</summary>
    public TimeSpan PresentationLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long the QR on a printed certificate stays verifiable (its KB-JWT's age limit at /verify/print); a screen
    /// QR has the usual five minutes.
    /// </summary>
    public TimeSpan PrintedPresentationValidity { get; set; } = TimeSpan.FromDays(30);

    /// <summary>OpenID4VP requests one network address may create per minute (API and /verify/request; 0: no limit).</summary>
    public int PresentationRequestsPerMinute { get; set; } = 30;

    /// <summary>Verifications one network address may ask for per minute (API and /verify; 0: no limit). Generous: a shop checks many customers.</summary>
    public int VerificationsPerMinute { get; set; } = 600;

    /// <summary>
    /// PEM files of the trust anchors for signed (<c>x509_hash:</c>) OpenID4VP requests the web wallet answers; empty:
    /// the wallet answers unsigned <c>redirect_uri:</c> requests only.
    /// </summary>
    public List<string> TrustedVerifierCertificates { get; set; } = [];
}
