using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Nara.Audit.Contracts;
using Nara.Audit.Data;
using Nara.Audit.Domain;
using Nara.Audit.Merkle;

namespace Nara.Audit.Features;

/// <summary>
/// Commits one batch: numbers the entries densely after the last stored one, extends the tree and stores
/// the entries with every subtree they complete, all in one transaction. Keeps the tree's right edge in
/// memory and reloads it whenever storage says another writer (another host on PostgreSQL) got there first.
/// </summary>
internal sealed class AppendBatch
{
    private Frontier? _frontier;

    public async Task<List<AuditReceipt>> CommitAsync(IServiceProvider services, List<AuditRecord> records, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AuditDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Checkpoint the WAL every 64 MiB rather than SQLite's 4 MiB: index pages the appends touch again and
            // again are then copied into the database file once per checkpoint instead of once per few batches.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint=16384", cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-131072", cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // Serialises appenders across hosts; released with the transaction.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('nara-audit-append'))", cancellationToken);
        }

        try
        {
            var reader = new TreeReader(db);
            var size = await reader.SizeAsync(cancellationToken);
            if (_frontier is null || _frontier.Size != size)
            {
                var ranges = PerfectRange.Decompose(0, size);
                var hashes = await reader.HashesAsync(ranges, cancellationToken);
                _frontier = Frontier.Restore(size, ranges.Select(r => hashes[r.Key]).ToList());
            }

            var existing = await ExistingByMessageAsync(db, records, cancellationToken);
            var receipts = new List<AuditReceipt>(records.Count);
            var inserted = new List<AuditRecord>(records.Count);
            var nodes = new List<AuditNode>(records.Count);
            foreach (var record in records)
            {
                if (record.MessageId is not null && existing.TryGetValue(record.MessageId, out var earlier))
                {
                    receipts.Add(earlier);
                    continue;
                }

                record.Index = _frontier.Size;
                _frontier.Append(record.LeafHash, (range, hash) => nodes.Add(new AuditNode { Id = range.Key, Hash = hash }));
                var receipt = new AuditReceipt(record.Index, Convert.ToHexStringLower(record.LeafHash));
                if (record.MessageId is not null)
                {
                    existing[record.MessageId] = receipt;
                }

                receipts.Add(receipt);
                inserted.Add(record);
            }

            var connection = db.Database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();
            await BulkInsert.EntriesAsync(connection, dbTransaction, inserted, cancellationToken);
            await BulkInsert.NodesAsync(connection, dbTransaction, nodes, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return receipts;
        }
        catch
        {
            _frontier = null; // it may hold leaves that were rolled back
            throw;
        }
    }

    private static async Task<Dictionary<string, AuditReceipt>> ExistingByMessageAsync(AuditDbContext db, List<AuditRecord> records, CancellationToken cancellationToken)
    {
        var ids = records.Where(r => r.MessageId is not null).Select(r => r.MessageId!).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Entries.AsNoTracking().Where(e => e.MessageId != null && ids.Contains(e.MessageId))
            .Select(e => new { e.MessageId, e.Index, e.LeafHash }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.MessageId!, r => new AuditReceipt(r.Index, Convert.ToHexStringLower(r.LeafHash)));
    }
}
