using Microsoft.EntityFrameworkCore;
using Nara.Audit.Data;
using Nara.Audit.Domain;
using Nara.Audit.Merkle;
using Nara.Audit.Signing;

namespace Nara.Audit.Features;

/// <summary>
/// Signs a head over everything committed so far, when that is more than the last head covers. Because
/// it reads the size from storage, the first head after a crash covers every entry appended before it.
/// </summary>
internal sealed class SignTreeHead(
    AuditDbContext db, AuditSigningKey key, SigningKeyHistory keys, WitnessStore witness, TreeHeadSignal signal, TimeProvider clock)
{
    /// <summary>Returns the latest head: the new one, or the existing one when nothing was appended since.</summary>
    public async Task<TreeHead> SignAsync(CancellationToken cancellationToken)
    {
        await signal.SigningLock.WaitAsync(cancellationToken);
        try
        {
            return await SignLockedAsync(cancellationToken);
        }
        finally
        {
            signal.SigningLock.Release();
        }
    }

    private async Task<TreeHead> SignLockedAsync(CancellationToken cancellationToken)
    {
        // Several hosts on one PostgreSQL: the transaction-scoped advisory lock orders their signers too.
        await using var transaction = await SigningTransaction.BeginAsync(db, cancellationToken);

        var signingKey = await keys.EnsureCurrentAsync(cancellationToken);
        await EnsureWitnessedAsync(cancellationToken);
        var latest = await db.TreeHeads.AsNoTracking().OrderByDescending(h => h.TreeSize).FirstOrDefaultAsync(cancellationToken);
        var reader = new TreeReader(db);
        var size = await reader.SizeAsync(cancellationToken);
        if (latest is not null && latest.TreeSize >= size)
        {
            return latest;
        }

        var root = await reader.RootAsync(size, cancellationToken);
        // Timestamps never go backwards, even if the clock does, and fall in the signing key's validity.
        var timestamp = Math.Max(clock.GetUtcNow().ToUnixTimeMilliseconds(), Math.Max(latest?.Timestamp ?? 0, signingKey.ValidFrom));
        var head = new TreeHead
        {
            TreeSize = size,
            RootHash = root,
            Timestamp = timestamp,
            Signature = key.Sign(TreeHeadSignature.Input(size, root, timestamp)),
            KeyId = key.KeyId,
        };
        db.TreeHeads.Add(head);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            // Another host signed this size first; its head is as good as ours.
            if (transaction is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
            return await db.TreeHeads.AsNoTracking().SingleAsync(h => h.TreeSize == size, cancellationToken);
        }

        signal.Signed();
        await witness.WriteAsync(SignedTreeHead.From(head), cancellationToken);
        return head;
    }

    /// <summary>
    /// A crash between a head's database commit and its witness write is mended before the next head: heads are
    /// sent to the witness newest first until one it already holds. Older gaps are not filled: a witness copy
    /// missing behind a witnessed head means the witness was tampered with, and the verifier says so.
    /// </summary>
    private async Task EnsureWitnessedAsync(CancellationToken cancellationToken)
    {
        var recent = await db.TreeHeads.AsNoTracking().OrderByDescending(h => h.TreeSize).Take(100).ToListAsync(cancellationToken);
        foreach (var head in recent)
        {
            if (witness.Has(head.TreeSize))
            {
                break;
            }

            await witness.WriteAsync(SignedTreeHead.From(head), cancellationToken);
        }
    }
}
