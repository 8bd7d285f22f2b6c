using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Nara.Kernel.Data;

/// <summary>
/// SQLite durability settings. WAL lets readers run beside the single writer; synchronous=FULL makes an
/// acknowledged commit survive power loss (NORMAL in WAL mode may lose the last commits). Both are
/// per-connection or per-file settings, so they are applied once to each native connection; pooled connections
/// keep them, so a reopened one is not configured again (the statements are parsed on every run).
/// <para>
/// wal_autocheckpoint (pages, 40 MB) is only a backstop: <see cref="SqliteCheckpointer"/> checkpoints in the
/// background, off the commit path.
/// </para>
/// <para>
/// A writer that finds the file locked waits in <see cref="SqliteBusyHandler"/>: it retries every millisecond. SQLite's own
/// busy_timeout handler backs off (1, 2, 5, 10, 15, 20, 25 … 100 ms between tries), so a request that meets the
/// dispatcher's or the audit log's short write transaction slept tens of milliseconds after the lock was free;
/// that alone made the notifications intake's p99 ten times its p50.
/// </para>
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Statements =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=15000; PRAGMA wal_autocheckpoint=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public static void Apply(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Configured.TryGetValue(handle, out _))
        {
            return;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = Statements;
            command.ExecuteNonQuery();
        }

        if (handle is not null)
        {
            // Replaces the busy_timeout set above (SQLite keeps one busy handler per connection).
            SqliteBusyHandler.Install(handle);
            Configured.AddOrUpdate(handle, Statements);
        }
    }
}
