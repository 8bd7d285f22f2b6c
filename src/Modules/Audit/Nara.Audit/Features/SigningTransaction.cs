using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Nara.Audit.Data;

namespace Nara.Audit.Features;

/// <summary>
/// Orders everything that signs or changes the signing key across hosts: on PostgreSQL a transaction holding
/// one advisory lock (released with it); on SQLite nothing, as the in-process SigningLock already suffices.
/// </summary>
internal static class SigningTransaction
{
    public static async Task<IDbContextTransaction?> BeginAsync(AuditDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return null;
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('nara-audit-sign'))", cancellationToken);
        return transaction;
    }
}
