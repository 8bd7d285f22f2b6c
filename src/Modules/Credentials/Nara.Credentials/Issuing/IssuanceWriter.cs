using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nara.Credentials.Data;
using Nara.Credentials.Domain;
using Nara.Kernel.Data;
using Nara.Kernel.Events;

namespace Nara.Credentials.Issuing;

/// <summary>
/// Stores issued credentials' records with group commit: concurrent issuances share one transaction (SQLite has one
/// writer; one commit instead of one each), and each issuance is answered only after its record and its
/// <c>CredentialIssued</c> outbox row are committed — no credential leaves without its record and its audit event.
/// A batch the database refuses (a status index another host took meanwhile) is stored again one by one, so only the
/// issuance whose index collided fails, with the <c>DbUpdateException</c> the minter answers by drawing again.
/// </summary>
internal sealed class IssuanceWriter : IAsyncDisposable
{
    private readonly GroupCommit<(IssuedCredential Record, OutboxMessage Message), bool> _commit;

    public IssuanceWriter(IServiceScopeFactory scopes, ILogger<IssuanceWriter> logger)
    {
        _commit = new GroupCommit<(IssuedCredential, OutboxMessage), bool>(
            async items =>
            {
                await StoreAsync(scopes, items);
                return [.. items.Select(_ => true)];
            },
            async item =>
            {
                await StoreAsync(scopes, [item]);
                return true;
            },
            logger,
            name: "credentials.issuance");
    }

    /// <summary>Waits until the record and its outbox message are committed (or throws what the database said).</summary>
    public Task WriteAsync(IssuedCredential record, OutboxMessage message) => _commit.EnqueueAsync((record, message), CancellationToken.None);

    public ValueTask DisposeAsync() => _commit.DisposeAsync();

    /// <summary>
    /// One transaction of plain INSERTs (Kernel's <see cref="BulkInsert"/>: no change tracking, one prepared statement
    /// per table on SQLite). A refusal by the database is raised as EF's <see cref="DbUpdateException"/>, which is what
    /// the minter answers by drawing another status index.
    /// </summary>
    private static async Task StoreAsync(IServiceScopeFactory scopes, IReadOnlyList<(IssuedCredential Record, OutboxMessage Message)> items)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            await BulkInsert.InsertAsync(db, [.. items.Select(i => i.Record)], CancellationToken.None);
            await BulkInsert.InsertAsync(db, [.. items.Select(i => i.Message)], CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (DbException ex)
        {
            throw new DbUpdateException("The database refused the issued credentials' records.", ex);
        }
    }
}
