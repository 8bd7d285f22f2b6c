namespace Nara.Credentials.Domain;

/// <summary>
/// What the issuer keeps about a credential it issued: whose, which type, and its entry in a status list. Never the
/// credential itself or its claims (the holder has those), and never anything about verifications.
/// </summary>
internal sealed class IssuedCredential
{
    public Guid Id { get; set; }

    public long ResidentId { get; set; }

    /// <summary>The credential type's short id (<c>CredentialTypes</c>).</summary>
    public string Type { get; set; } = "";

    /// <summary>The agency that issued it (MOIS for the mobile ID, the deciding agency for a decision letter): its credential officers manage its status.</summary>
    public string Agency { get; set; } = "";

    public int StatusList { get; set; }

    public int StatusIndex { get; set; }

    /// <summary>0 valid, 1 revoked (final), 2 suspended.</summary>
    public int Status { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? StatusChangedAt { get; set; }
}
