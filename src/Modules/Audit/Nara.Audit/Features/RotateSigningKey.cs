using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Nara.Audit.Contracts;
using Nara.Audit.Data;
using Nara.Audit.Domain;
using Nara.Audit.Signing;
using Nara.Kernel.Security;

namespace Nara.Audit.Features;

/// <summary>
/// `nara audit rotate-key`: a new tree-head signing key, endorsed by the one it replaces, so the key history is
/// a chain a verifier can follow from the first key. The old private key is discarded; heads it signed stay
/// verifiable with its public key, which the history keeps. Every rotation is itself an audit entry.
/// </summary>
internal sealed class RotateSigningKey(
    AuditDbContext db, AuditSigningKey key, SigningKeyHistory history, WitnessStore witness, TreeHeadSignal signal, IAuditLog log, TimeProvider clock)
{
    public async Task<WitnessedKey> RotateAsync(string requestedBy, CancellationToken cancellationToken)
    {
        WitnessedKey rotated;
        string previousKeyId;
        await signal.SigningLock.WaitAsync(cancellationToken);
        try
        {
            // The same advisory lock as the signer: no head is signed on any host while the key changes.
            await using var transaction = await SigningTransaction.BeginAsync(db, cancellationToken);

            var current = await history.EnsureCurrentAsync(cancellationToken);
            previousKeyId = current.KeyId;
            using var next = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            if (File.Exists(key.NextPath))
            {
                File.Delete(key.NextPath);
            }

            PrivateKeyFiles.WriteNew(key.NextPath, next.ExportPkcs8PrivateKeyPem());
            var latestHead = await db.TreeHeads.AsNoTracking().MaxAsync(h => (long?)h.Timestamp, cancellationToken) ?? 0;
            var validFrom = Math.Max(clock.GetUtcNow().ToUnixTimeMilliseconds(), Math.Max(latestHead, current.ValidFrom) + 1);
            var publicKey = AuditKeys.PublicKeyOf(next);
            var record = new SigningKeyRecord
            {
                KeyId = AuditKeys.KeyIdOf(publicKey),
                PublicKey = publicKey,
                ValidFrom = validFrom,
                PreviousKeyId = current.KeyId,
                Endorsement = key.Sign(AuditKeys.EndorsementInput(current.KeyId, publicKey, validFrom)),
            };
            db.SigningKeys.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            rotated = WitnessedKey.From(record);
            await witness.WriteKeyAsync(rotated, cancellationToken);
            File.Move(key.NextPath, key.Path, overwrite: true);
            key.Refresh();
        }
        finally
        {
            signal.SigningLock.Release();
        }

        await log.AppendAsync(
            new AuditEntry(
                clock.GetUtcNow(),
                AuditActor.System(requestedBy),
                "audit.signing-key.rotate",
                new AuditSubject("audit-signing-key", rotated.KeyId),
                "key-rotation",
                AuditOutcomes.Success,
                null,
                "Audit",
                new Dictionary<string, string> { ["previousKeyId"] = previousKeyId }),
            cancellationToken);
        return rotated;
    }
}
