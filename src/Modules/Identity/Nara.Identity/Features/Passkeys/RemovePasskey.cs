using Microsoft.EntityFrameworkCore;
using Nara.Identity.Contracts;
using Nara.Identity.Data;

namespace Nara.Identity.Features.Passkeys;

internal enum PasskeyRemoval
{
    Removed,
    NotFound,
    /// <summary>It is the last passkey and the person has not confirmed they understand how to recover.</summary>
    LastNeedsConfirmation,
}

/// <summary>
/// Removes one of the person's own passkeys. Removing the last one leaves the account reachable only through
/// recovery (proving identity again), so it needs an explicit confirmation after a warning.
/// </summary>
internal sealed class RemovePasskey(IdentityDbContext db, TimeProvider clock)
{
    public async Task<PasskeyRemoval> ExecuteAsync(Guid accountId, Guid passkeyId, bool confirmedLast, CancellationToken cancellationToken)
    {
        var passkeys = await db.Passkeys.Where(p => p.AccountId == accountId).ToListAsync(cancellationToken);
        var passkey = passkeys.FirstOrDefault(p => p.Id == passkeyId);
        if (passkey is null)
        {
            return PasskeyRemoval.NotFound;
        }

        if (passkeys.Count == 1 && !confirmedLast)
        {
            return PasskeyRemoval.LastNeedsConfirmation;
        }

        db.Passkeys.Remove(passkey);
        db.Publish(new PasskeyRemoved(accountId, passkeyId, passkeys.Count - 1), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return PasskeyRemoval.Removed;
    }
}
