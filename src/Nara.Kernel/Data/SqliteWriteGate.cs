using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Nara.Kernel.Data;

/// <summary>
/// One write transaction at a time in this host, taken in turn. SQLite has one writer per file and a writer that finds
/// the file locked can only poll (<see cref="SqliteBusyHandler"/>): the polls are not fair — the notifications intake's
/// group commit, which begins its next transaction as soon as one commits, kept finding the lock free while the
/// dispatcher's and the audit log's writers, polling every millisecond, waited up to half a second — and each poller
/// holds a thread-pool thread asleep. Here a transaction that EF begins first waits, asynchronously and in arrival
/// order, for the previous one to end; SQLite's own locking stays underneath for writers this gate does not see
/// (other hosts on the same file, plain ADO.NET connections).
/// </summary>
/// <remarks>
/// The gate is released when the transaction commits, rolls back or fails, and at the latest when its connection
/// closes (a transaction disposed without either). A wait longer than <see cref="MaxWait"/> goes ahead without the
/// gate, so a code path that holds one transaction while beginning another on a second connection fails as it did
/// before (SQLite's busy timeout) instead of waiting forever.
/// </remarks>
public sealed class SqliteWriteGate(ILogger<SqliteWriteGate> logger) : DbTransactionInterceptor, IDbConnectionInterceptor, IDisposable
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(15);
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, Holding> _held = [];

    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Taken(connection, _turn.Wait(MaxWait));
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Taken(connection, await _turn.WaitAsync(MaxWait, cancellationToken));
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    public void Dispose() => _turn.Dispose();

    private void Taken(DbConnection connection, bool entered)
    {
        if (!entered)
        {
            logger.LogWarning("A write transaction waited {Seconds} s for the SQLite write gate; it goes ahead without it", MaxWait.TotalSeconds);
            return;
        }

        // A connection left holding the gate (never expected) would block every writer: give its turn back first.
        Release(connection);
        _held.AddOrUpdate(connection, new Holding());
    }

    private void Release(TransactionEventData eventData)
    {
        if (eventData.Context?.Database.GetDbConnection() is { } connection)
        {
            Release(connection);
        }
    }

    private void Release(DbConnection connection)
    {
        if (_held.TryGetValue(connection, out var holding) && _held.Remove(connection) && !holding.Released)
        {
            holding.Released = true;
            _turn.Release();
        }
    }

    private sealed class Holding
    {
        public bool Released { get; set; }
    }
}
