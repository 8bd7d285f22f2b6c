using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Issuing;

namespace Nara.Credentials.Features;

/// <summary>
/// Rotates the issuer key (platform administrators, or <c>nara credentials rotate-key</c>): the new public key is
/// published before it signs, earlier credentials keep verifying with the retired public key, and other hosts sharing
/// the key directory pick the new key up at their next ring check. Published for the audit log.
/// </summary>
internal sealed class RotateIssuerKey(IssuerKeyRing keys, CredentialsDbContext db, TimeProvider clock)
{
    public async Task<(string Previous, string Current)> ExecuteAsync(CredentialActor actor, CancellationToken cancellationToken)
    {
        var rotated = keys.Rotate();
        var now = clock.GetUtcNow();
        db.Publish(new CredentialIssuerKeyRotated(rotated.Previous, rotated.Current, actor, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return rotated;
    }
}
