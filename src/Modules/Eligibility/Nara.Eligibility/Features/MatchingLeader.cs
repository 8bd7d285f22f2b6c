using Microsoft.EntityFrameworkCore;
using Nara.Eligibility.Data;
using Npgsql;

namespace Nara.Eligibility.Features;

/// <summary>
/// One leader per proactive run. On PostgreSQL a session advisory lock (pg_try_advisory_lock) taken on a dedicated
/// connection and held for the whole run: a second host (or the CLI) asking while a run holds it is refused at
/// once, and a crashed host's lock goes with its connection, so an interrupted run never blocks the next one. On
/// SQLite (one host by design) every run is let through; the scheduler keeps its rule of not starting while a run
/// started within the hour is unfinished.
/// </summary>
internal static class MatchingLeader
{
    /// <summary>The advisory lock key of proactive matching (full and incremental runs write the same rows): "NaraElig" in ASCII.</summary>
    public const long LockKey = 0x4E61_7261_456C_6967;

    /// <returns>The lease to dispose when the run ends, or null when another run holds the lock.</returns>
    public static async Task<IAsyncDisposable?> TryLeadAsync(EligibilityDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return NoLease.Instance;
        }

        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new PostgresLease(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private sealed class NoLease : IAsyncDisposable
    {
        public static readonly NoLease Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class PostgresLease(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Unlocked explicitly: a pooled connection would otherwise keep the session (and the lock) alive.
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", LockKey);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
