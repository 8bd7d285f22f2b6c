using Microsoft.EntityFrameworkCore;
using Nara.Audit.Data;

namespace Nara.Audit.Merkle;

/// <summary>
/// Reads tree hashes from storage. Every range a proof or root needs is a fold of complete subtrees, and
/// those are stored (leaves in the entries table, larger ones in the node table), so a proof costs two
/// indexed queries of O(log n) keys and no recomputation.
/// </summary>
internal sealed class TreeReader(AuditDbContext db)
{
    public async Task<long> SizeAsync(CancellationToken cancellationToken) =>
        (await db.Entries.MaxAsync(e => (long?)e.Index, cancellationToken) ?? -1) + 1;

    public async Task<byte[]> RootAsync(long size, CancellationToken cancellationToken)
    {
        var ranges = PerfectRange.Decompose(0, size);
        var hashes = await HashesAsync(ranges, cancellationToken);
        return Frontier.Fold(ranges.Select(r => hashes[r.Key]).ToList());
    }

    /// <summary>Computes MTH of each range (proof elements), fetching all subtrees at once.</summary>
    public async Task<List<byte[]>> RangeHashesAsync(IReadOnlyList<(long Start, long End)> ranges, CancellationToken cancellationToken)
    {
        var pieces = ranges.Select(r => PerfectRange.Decompose(r.Start, r.End)).ToList();
        var hashes = await HashesAsync(pieces.SelectMany(p => p).Distinct().ToList(), cancellationToken);
        return pieces.Select(p => Frontier.Fold(p.Select(r => hashes[r.Key]).ToList())).ToList();
    }

    public async Task<Dictionary<long, byte[]>> HashesAsync(IReadOnlyCollection<PerfectRange> ranges, CancellationToken cancellationToken)
    {
        var leaves = ranges.Where(r => r.Level == 0).Select(r => r.Index).ToList();
        var nodes = ranges.Where(r => r.Level > 0).Select(r => r.Key).ToList();
        var result = new Dictionary<long, byte[]>();
        if (leaves.Count > 0)
        {
            var rows = await db.Entries.AsNoTracking().Where(e => leaves.Contains(e.Index))
                .Select(e => new { e.Index, e.LeafHash }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                result[new PerfectRange(0, row.Index).Key] = row.LeafHash;
            }
        }

        if (nodes.Count > 0)
        {
            var rows = await db.Nodes.AsNoTracking().Where(n => nodes.Contains(n.Id)).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                result[row.Id] = row.Hash;
            }
        }

        var missing = ranges.FirstOrDefault(r => !result.ContainsKey(r.Key));
        if (result.Count < ranges.Count)
        {
            throw new InvalidOperationException($"The audit tree is missing the subtree at level {missing.Level}, index {missing.Index}.");
        }

        return result;
    }
}
