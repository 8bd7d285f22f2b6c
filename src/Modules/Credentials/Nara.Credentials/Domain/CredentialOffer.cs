namespace Nara.Credentials.Domain;

/// <summary>
/// An OpenID4VCI credential offer a signed-in citizen made for their own wallet: one credential configuration, a
/// pre-authorized code (stored as its SHA-256 only), an optional transaction code, and the access token the code was
/// exchanged for (hash only). Each step happens once: code → token once, token → credential once.
/// </summary>
internal sealed class CredentialOffer
{
    public Guid Id { get; set; }

    public long ResidentId { get; set; }

    /// <summary>The citizen's account id, so that the issuance the wallet triggers later is audited against them.</summary>
    public string ActorId { get; set; } = "";

    /// <summary>The credential_configuration_id offered.</summary>
    public string ConfigurationId { get; set; } = "";

    /// <summary>Which one of that configuration, where the citizen has several (a decision letter's case id); else null.</summary>
    public string? Subject { get; set; }

    public string CodeHash { get; set; } = "";

    /// <summary>SHA-256 of the transaction code; null when the offer asks for none.</summary>
    public string? TxCodeHash { get; set; }

    /// <summary>Wrong transaction codes so far; the code dies at <c>CredentialOffers.MaxTxCodeAttempts</c>.</summary>
    public int TxCodeFailures { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The pre-authorized code (and the by-reference offer) are valid until then.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RedeemedAt { get; set; }

    public string? AccessTokenHash { get; set; }

    public DateTimeOffset? AccessTokenExpiresAt { get; set; }

    /// <summary>The credential issued through this offer; set once, which makes the access token single use.</summary>
    public Guid? CredentialId { get; set; }
}
