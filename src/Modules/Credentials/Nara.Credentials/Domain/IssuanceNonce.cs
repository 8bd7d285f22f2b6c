namespace Nara.Credentials.Domain;

/// <summary>A c_nonce from the nonce endpoint (its SHA-256): a key proof must carry one, and each is accepted once.</summary>
internal sealed class IssuanceNonce
{
    public string Hash { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }
}
