using Microsoft.EntityFrameworkCore;
using Nara.Audit.Data;
using Nara.Audit.Domain;
using Nara.Audit.Signing;

namespace Nara.Audit.Features;

/// <summary>
/// Keeps the signing key file and the key history in step. Called by the signer (under its lock) before every
/// signature: the first key ever used becomes the root of the history; a finished rotation's key file is put
/// in place; a key file that is not in the history (swapped by hand) is refused rather than used.
/// </summary>
internal sealed class SigningKeyHistory(AuditDbContext db, AuditSigningKey key, WitnessStore witness, TimeProvider clock)
{
    public async Task<SigningKeyRecord> EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        await CompleteRotationAsync(cancellationToken);
        key.Refresh();
        var record = await db.SigningKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyId == key.KeyId, cancellationToken);
        if (record is null)
        {
            if (await db.SigningKeys.AnyAsync(cancellationToken))
            {
                throw new InvalidOperationException(
                    $"The audit signing key {key.KeyId} at {key.Path} is not in the key history: the file was replaced outside " +
                    "`nara audit rotate-key`. Put the previous key back and rotate with the command.");
            }

            // The first key: it also covers heads signed before key histories existed.
            var firstHead = await db.TreeHeads.AsNoTracking().OrderBy(h => h.TreeSize).Select(h => (long?)h.Timestamp).FirstOrDefaultAsync(cancellationToken);
            record = new SigningKeyRecord
            {
                KeyId = key.KeyId,
                PublicKey = key.PublicKey,
                ValidFrom = Math.Min(firstHead ?? long.MaxValue, clock.GetUtcNow().ToUnixTimeMilliseconds()),
            };
            db.SigningKeys.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        if (!witness.HasKey(record.KeyId))
        {
            await witness.WriteKeyAsync(WitnessedKey.From(record), cancellationToken);
        }

        return record;
    }

    /// <summary>
    /// A rotation writes the new key beside the current one, stores its endorsed record, then renames. A crash
    /// in between leaves the ".next" file: renamed now when its record was stored, discarded when not.
    /// </summary>
    private async Task CompleteRotationAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(key.NextPath))
        {
            return;
        }

        using var next = System.Security.Cryptography.ECDsa.Create();
        next.ImportFromPem(await File.ReadAllTextAsync(key.NextPath, cancellationToken));
        var nextId = AuditKeys.KeyIdOf(AuditKeys.PublicKeyOf(next));
        if (await db.SigningKeys.AnyAsync(k => k.KeyId == nextId, cancellationToken))
        {
            File.Move(key.NextPath, key.Path, overwrite: true);
        }
        else
        {
            File.Delete(key.NextPath);
        }
    }
}
