using Microsoft.EntityFrameworkCore;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;

namespace Nara.Credentials.Features;

/// <summary>
/// Removes a credential from the citizen's web wallet. The row holds the only copy of its holder key, so the key goes
/// with it: nobody, the portal included, can present that credential with key binding again. Audited.
/// </summary>
internal sealed class RemoveFromWallet(CredentialsDbContext db, TimeProvider clock)
{
    /// <returns>false when the citizen has no such wallet entry (someone else's is "not found" too).</returns>
    public async Task<bool> ExecuteAsync(long residentId, Guid id, CredentialActor actor, CancellationToken cancellationToken)
    {
        var entry = await db.Wallet.FirstOrDefaultAsync(w => w.Id == id && w.ResidentId == residentId, cancellationToken);
        if (entry is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        db.Wallet.Remove(entry);
        db.Publish(new WalletCredentialRemoved(entry.Id, residentId, entry.Type, actor, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
