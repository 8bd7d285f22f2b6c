using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Audit.Features;

namespace Nara.Audit;

/// <summary>
/// What the host's CLI verbs (`nara audit verify`, `nara bench audit`) may call; each runs in its own scope.
/// The features themselves stay internal to the module.
/// </summary>
public static class AuditTools
{
    public static async Task<AuditVerification> VerifyAsync(IServiceProvider services, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VerifyAuditLog>().VerifyAsync(progress, cancellationToken);
    }

    /// <summary>Signs a head over everything committed (if anything is new); returns the head's tree size.</summary>
    public static async Task<long> SignTreeHeadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<SignTreeHead>().SignAsync(cancellationToken)).TreeSize;
    }

    /// <summary>Replaces the tree-head signing key with a new one endorsed by it; returns the new key id.</summary>
    public static async Task<string> RotateSigningKeyAsync(IServiceProvider services, string requestedBy, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<RotateSigningKey>().RotateAsync(requestedBy, cancellationToken)).KeyId;
    }

    /// <summary>Copies SQLite's write-ahead log into the database file (nothing to do on PostgreSQL).</summary>
    public static async Task CheckpointAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AuditDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        }
    }

    public static async Task<InclusionProof?> ProveInclusionAsync(IServiceProvider services, long index, long treeSize, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ProveInclusion>().ProveAsync(index, treeSize, cancellationToken)).Proof;
    }

    public static async Task<ConsistencyProof?> ProveConsistencyAsync(IServiceProvider services, long first, long second, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ProveConsistency>().ProveAsync(first, second, cancellationToken)).Proof;
    }
}
