using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Audit.Data;

namespace Nara.Audit.Tests;

/// <summary>Each kind of direct tampering with the stored rows is found by the verifier (`nara audit verify`).</summary>
[Collection(RunsAlone.Name)]
public sealed class TamperTests
{
    [Fact]
    public async Task An_untouched_log_verifies()
    {
        await using var log = await SignedLogAsync(200);
        var result = await log.VerifyAsync();
        Assert.True(result.Ok, string.Join("; ", result.Problems));
        Assert.Equal(200, result.Entries);
    }

    [Fact]
    public async Task Changing_an_entry_is_detected_and_the_entry_named()
    {
        await using var log = await SignedLogAsync(200);
        await SqlAsync(log, "UPDATE audit_entries SET \"Action\" = 'resident.delete' WHERE \"Index\" = 57");
        var result = await log.VerifyAsync();
        Assert.False(result.Ok);
        Assert.Equal(57, result.FirstBadIndex);
    }

    [Fact]
    public async Task Deleting_an_entry_is_detected_and_the_entry_named()
    {
        await using var log = await SignedLogAsync(200);
        await SqlAsync(log, "DELETE FROM audit_entries WHERE \"Index\" = 120");
        var result = await log.VerifyAsync();
        Assert.False(result.Ok);
        Assert.Equal(120, result.FirstBadIndex);
    }

    [Fact]
    public async Task Swapping_two_entries_is_detected()
    {
        await using var log = await SignedLogAsync(200);
        await SqlAsync(log, "UPDATE audit_entries SET \"Index\" = -1 WHERE \"Index\" = 30");
        await SqlAsync(log, "UPDATE audit_entries SET \"Index\" = 30 WHERE \"Index\" = 31");
        await SqlAsync(log, "UPDATE audit_entries SET \"Index\" = 31 WHERE \"Index\" = -1");
        var result = await log.VerifyAsync();
        Assert.False(result.Ok);
        Assert.InRange(result.FirstBadIndex!.Value, 0, 30);
    }

    [Fact]
    public async Task Truncating_the_tail_is_detected()
    {
        await using var log = await SignedLogAsync(200);
        await SqlAsync(log, "DELETE FROM audit_entries WHERE \"Index\" >= 150");
        var result = await log.VerifyAsync();
        Assert.False(result.Ok);
        Assert.Equal(150, result.FirstBadIndex);
    }

    [Fact]
    public async Task Rewinding_to_an_older_head_is_detected_through_the_witness()
    {
        await using var log = await SignedLogAsync(100);
        await log.AppendManyAsync(100, offset: 100);
        Assert.Equal(200, await log.SignAsync());
        await SqlAsync(log, "DELETE FROM audit_entries WHERE \"Index\" >= 100");
        await SqlAsync(log, "DELETE FROM audit_tree_heads WHERE \"TreeSize\" > 100");
        var result = await log.VerifyAsync();
        Assert.False(result.Ok);
        Assert.Equal(100, result.FirstBadIndex);
        Assert.Contains(result.Problems, p => p.Contains("witness", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Altering_a_head_signature_is_detected()
    {
        await using var log = await SignedLogAsync(100);
        await log.AppendManyAsync(10, offset: 100);
        await log.SignAsync();
        // Give the newest head the older head's (valid, but wrong) signature.
        await SqlAsync(log, "UPDATE audit_tree_heads SET \"Signature\" = (SELECT \"Signature\" FROM audit_tree_heads WHERE \"TreeSize\" = 100) WHERE \"TreeSize\" = 110");
        var result = await log.VerifyAsync();
        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.Contains("signature", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_thousand_random_single_edits_are_all_detected()
    {
        await using var log = await SignedLogAsync(200);
        string[] columns = ["ActorKind", "ActorId", "ActorAgency", "ActorRole", "Action", "SubjectType", "SubjectId", "Purpose", "Outcome", "CorrelationId", "Module", "Detail", "MessageId", "TimeMicros", "LeafHash", "node"];
        var random = new Random(6962);
        await using var scope = log.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var nodeIds = await db.Nodes.Select(n => n.Id).ToListAsync();
        var undetected = new List<string>();
        for (var edit = 0; edit < 1000; edit++)
        {
            var column = columns[random.Next(columns.Length)];
            var salt = random.Next(1_000_000);
            var (table, key, id, target) = column == "node"
                ? ("audit_nodes", "Id", nodeIds[random.Next(nodeIds.Count)], "Hash")
                : ("audit_entries", "Index", (long)random.Next(200), column);
            var where = $"FROM {table} WHERE \"{key}\" = {id}";
            var original = await ScalarAsync(db, $"SELECT \"{target}\" {where}");
            object replacement = target switch
            {
                "TimeMicros" => (long)original! + salt + 1,
                "LeafHash" or "Hash" => RandomNumberGenerator.GetBytes(32),
                "Detail" => $"{{\"n\":\"{salt}x\"}}",
                _ => $"edit-{salt}",
            };
            var update = $"UPDATE {table} SET \"{target}\" = {{0}} WHERE \"{key}\" = {id}"; // names and numbers from this test only
            await db.Database.ExecuteSqlRawAsync(update, replacement);
            var result = await log.VerifyAsync();
            if (result.Ok)
            {
                undetected.Add($"{table}.{target} of {id}");
            }

            if (original is null)
            {
                await db.Database.ExecuteSqlRawAsync(update.Replace("{0}", "NULL", StringComparison.Ordinal));
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync(update, original);
            }
        }

        Assert.Empty(undetected);
        Assert.True((await log.VerifyAsync()).Ok, "every edit was undone");
    }

    [Fact]
    public async Task Proofs_served_from_the_subtree_cache_match_storage_and_the_verifier_still_reads_storage()
    {
        await using var log = await SignedLogAsync(1_100);
        var first = await AuditTools.ProveInclusionAsync(log.Services, 5, 1_100, CancellationToken.None); // fills the cache
        var second = await AuditTools.ProveInclusionAsync(log.Services, 5, 1_100, CancellationToken.None); // upper path from memory
        var cached = log.Services.GetRequiredService<Merkle.SubtreeCache>();
        var upper = new Merkle.PerfectRange(9, 1); // leaves 512..1023, complete and on leaf 5's path
        Assert.True(cached.TryGet(upper, out _));
        Assert.Equal(first!.AuditPath, second!.AuditPath);

        await using (var scope = log.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE audit_nodes SET \"Hash\" = {new byte[32]} WHERE \"Id\" = {upper.Key}");
        }

        var result = await log.VerifyAsync();
        Assert.False(result.Ok, "a tampered subtree hash must be found even though proofs keep the original in memory");
    }

    private static async Task<object?> ScalarAsync(AuditDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    private static async Task<AuditFactory> SignedLogAsync(int entries)
    {
        var log = new AuditFactory();
        await log.InitializeAsync();
        await log.AppendManyAsync(entries);
        Assert.Equal(entries, await log.SignAsync());
        return log;
    }

    private static async Task SqlAsync(AuditFactory log, string sql)
    {
        await using var scope = log.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditDbContext>().Database.ExecuteSqlRawAsync(sql);
    }
}
