using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Nara.Kernel.Data;

/// <summary>
/// Copies the SQLite write-ahead log back into the database file from a background connection, a few times a
/// second. Left to SQLite, the commit that pushes the log past its limit does that copy (and its fsync) itself,
/// so every request waiting on that commit (a group commit holds many) waited for the checkpoint too. PASSIVE
/// never blocks writers or readers; <see cref="SqlitePragmas"/> raises the in-commit limit to a backstop for
/// processes that run without this service (CLI commands).
/// </summary>
public sealed partial class SqliteCheckpointer(IOptions<DatabaseOptions> options, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var connectionString = options.Value.ResolveConnectionString();
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Checkpoint(connectionString);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Checkpoint(string connectionString)
    {
        try
        {
            // A pooled connection (the same pool as the modules'), so clearing the pools also closes this one.
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            SqlitePragmas.Apply(connection);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            // The next tick tries again; a commit past the backstop limit checkpoints by itself meanwhile.
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A background WAL checkpoint failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
