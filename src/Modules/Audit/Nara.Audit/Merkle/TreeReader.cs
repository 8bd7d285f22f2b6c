using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Nara.Audit.Data;

namespace Nara.Audit.Merkle;

/// <summary>
/// Reads tree hashes from storage. Every range a proof or root needs is a fold of complete subtrees, and
/// those are stored (leaves in the entries table, larger ones in the node table), so a proof costs one
/// round trip for O(log n) primary-key lookups and no recomputation. Plain SQL: this is the hot path of
/// the ≤ 1 ms proof target, and the keys are numbers we computed (inlined, never user text).
/// </summary>
internal sealed class TreeReader(AuditDbContext db, SubtreeCache? cache = null)
{
    public async Task<long> SizeAsync(CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync($"SELECT MAX(\"Index\") FROM {AuditDbContext.EntriesTable}", cancellationToken);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture) + 1;
    }

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
        var result = new Dictionary<long, byte[]>();
        var missing = new List<PerfectRange>(ranges.Count);
        foreach (var range in ranges)
        {
            if (cache is not null && cache.TryGet(range, out var cached))
            {
                result[range.Key] = cached;
            }
            else
            {
                missing.Add(range);
            }
        }

        if (missing.Count == 0)
        {
            return result;
        }

        ranges = missing;
        var leaves = string.Join(",", ranges.Where(r => r.Level == 0).Select(r => r.Index.ToString(CultureInfo.InvariantCulture)));
        var nodes = string.Join(",", ranges.Where(r => r.Level > 0).Select(r => r.Key.ToString(CultureInfo.InvariantCulture)));
        var parts = new List<string>();
        if (leaves.Length > 0)
        {
            parts.Add($"SELECT \"Index\", \"LeafHash\" FROM {AuditDbContext.EntriesTable} WHERE \"Index\" IN ({leaves})");
        }

        if (nodes.Length > 0)
        {
            parts.Add($"SELECT \"Id\", \"Hash\" FROM {AuditDbContext.NodesTable} WHERE \"Id\" IN ({nodes})");
        }

        await using (var command = await CommandAsync(string.Join(" UNION ALL ", parts), cancellationToken))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                var hash = (byte[])reader.GetValue(1);
                // Leaf rows carry a bare index, which is also the key of a level-0 range.
                result[id] = hash;
            }
        }

        foreach (var range in ranges)
        {
            if (!result.TryGetValue(range.Key, out var hash))
            {
                throw new InvalidOperationException($"The audit tree is missing the subtree at level {range.Level}, index {range.Index}.");
            }

            cache?.Add(range, hash);
        }

        return result;
    }

    private async Task<DbCommand> CommandAsync(string sql, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
