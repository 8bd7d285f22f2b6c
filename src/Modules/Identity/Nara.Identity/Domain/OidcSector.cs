namespace Nara.Identity.Domain;

/// <summary>
/// A sector of private-sector relying parties (by default one client). Subjects given to its clients are
/// HMAC-SHA256(secret, account id), so two sectors cannot link the same person. The secret is stored protected.
/// </summary>
internal sealed class OidcSector
{
    public required string Id { get; set; }

    public required string ProtectedSecret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
