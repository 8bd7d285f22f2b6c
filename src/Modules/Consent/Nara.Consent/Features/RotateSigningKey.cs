using Nara.Consent.Contracts;
using Nara.Consent.Data;
using Nara.Consent.Signing;

namespace Nara.Consent.Features;

/// <summary>
/// Rotates the consent signing key (platform administrators, or <c>nara consent rotate-key</c>): new records are
/// signed with the new key, earlier ones keep verifying with the retired public key. Published for the audit log.
/// </summary>
internal sealed class RotateSigningKey(ConsentSigningKey key, ConsentDbContext db, TimeProvider clock)
{
    public async Task<(string OldKeyId, RingKey NewKey)> ExecuteAsync(ConsentActor actor, CancellationToken ct)
    {
        var old = key.KeyId;
        var fresh = key.Rotate();
        var now = ConsentTime.Now(clock);
        db.Publish(new ConsentSigningKeyRotated(old, fresh.KeyId, actor, now), now);
        await db.SaveChangesAsync(ct);
        return (old, fresh);
    }
}
