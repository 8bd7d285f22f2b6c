using Microsoft.EntityFrameworkCore;
using Nara.Audit.Contracts;
using Nara.Audit.Data;
using Nara.Audit.Merkle;

namespace Nara.Audit.Features;

/// <summary><see cref="IAuditEvidence"/>: receipts by source message, and inclusion proofs checked against the latest signed head.</summary>
internal sealed class ProvideEvidence(AuditDbContext db, ProveInclusion prove) : IAuditEvidence
{
    public async Task<IReadOnlyDictionary<Guid, AuditReceipt>> FindBySourceMessagesAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        var keys = messageIds.Select(id => id.ToString("D")).ToList();
        var found = await db.Entries.AsNoTracking().Where(e => e.MessageId != null && keys.Contains(e.MessageId))
            .Select(e => new { e.MessageId, e.Index, e.LeafHash }).ToListAsync(cancellationToken);
        return found.ToDictionary(e => Guid.Parse(e.MessageId!), e => new AuditReceipt(e.Index, Convert.ToHexStringLower(e.LeafHash)));
    }

    public async Task<InclusionEvidence?> ProveAgainstLatestHeadAsync(long index, CancellationToken cancellationToken)
    {
        var head = await db.TreeHeads.AsNoTracking().OrderByDescending(h => h.TreeSize).FirstOrDefaultAsync(cancellationToken);
        var leaf = await db.Entries.AsNoTracking().Where(e => e.Index == index).Select(e => e.LeafHash).FirstOrDefaultAsync(cancellationToken);
        if (head is null || leaf is null || index >= head.TreeSize)
        {
            return null;
        }

        var (proof, _) = await prove.ProveAsync(index, head.TreeSize, cancellationToken);
        if (proof is null)
        {
            return null;
        }

        var path = proof.AuditPath.Select(Convert.FromBase64String).ToList();
        return new InclusionEvidence(
            index, Convert.ToHexStringLower(leaf), head.TreeSize, head.Timestamp, Convert.ToBase64String(head.RootHash),
            Convert.ToBase64String(head.Signature), head.KeyId, proof.AuditPath, InclusionCheck.Verify(index, head.TreeSize, leaf, path, head.RootHash));
    }
}
