using Microsoft.EntityFrameworkCore;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Identity.Domain;

namespace Nara.Identity.Features.Oidc;

/// <summary>
/// `nara oidc rotate-keys`: new signing and encryption keys take over; the previous ones are kept for validation
/// (and published in the JWKS) until every token they could have produced has expired, then dropped.
/// </summary>
internal sealed class RotateOidcKeys(IdentityDbContext db, OidcKeyRing ring, OidcOptionsReset reset, TimeProvider clock) : IOidcKeyRotation
{
    /// <summary>The longest a token lives (refresh tokens), plus a day for clock skew and slow clients.</summary>
    public static readonly TimeSpan Retention = OidcLifetimes.RefreshToken + TimeSpan.FromDays(1);

    public async Task<OidcKeysRotated> RotateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var keys = await db.OidcKeys.ToListAsync(cancellationToken);
        db.OidcKeys.RemoveRange(keys.Where(k => k.ExpiresAt is { } expiry && expiry <= now));
        foreach (var key in keys.Where(k => k.RetiredAt is null))
        {
            key.RetiredAt = now;
            key.ExpiresAt = now + Retention;
        }

        var signing = ring.Create(OidcKey.Signing, now);
        var encryption = ring.Create(OidcKey.Encryption, now);
        db.OidcKeys.AddRange(signing, encryption);
        var rotated = new OidcKeysRotated(signing.Id, encryption.Id, now + Retention);
        db.Publish(rotated, now);
        await db.SaveChangesAsync(cancellationToken);
        reset.Reset();
        return rotated;
    }
}
