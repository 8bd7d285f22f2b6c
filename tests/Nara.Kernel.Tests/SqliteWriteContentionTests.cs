using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nara.Kernel.Data;

namespace Nara.Kernel.Tests;

/// <summary>SQLite's one writer: waiting for the lock, and checkpoints off the commit path.</summary>
public sealed class SqliteWriteContentionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nara-sqlite-").FullName;

    private string ConnectionString => new DatabaseOptions { DataDirectory = _directory }.ResolveConnectionString();

    [Fact]
    public async Task A_writer_that_finds_the_file_locked_waits_and_writes_once_the_lock_is_released()
    {
        await using var first = Open();
        await using var second = Open();
        Execute(first, "CREATE TABLE t (v INTEGER);");

        // The first connection holds the write lock for a while; the second's insert must wait, not fail.
        var transaction = first.BeginTransaction();
        Execute(first, "INSERT INTO t VALUES (1);", transaction);
        var waiting = Task.Run(() => Execute(second, "INSERT INTO t VALUES (2);"));
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        transaction.Commit();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        using var count = first.CreateCommand();
        count.CommandText = "SELECT count(*) FROM t;";
        Assert.Equal(2L, count.ExecuteScalar());
    }

    [Fact]
    public async Task Commits_leave_the_log_to_the_background_checkpointer_which_copies_it_into_the_database_file()
    {
        var database = Path.Combine(_directory, "nara.db");
        await using (var connection = Open())
        {
            Execute(connection, "CREATE TABLE t (v BLOB);");
            for (var i = 0; i < 40; i++)
            {
                Execute(connection, "INSERT INTO t VALUES (randomblob(50000));");
            }

            // 2 MB committed, all of it still in the write-ahead log: no commit checkpointed on its own.
            Assert.True(new FileInfo(database).Length < 1_000_000, $"database file {new FileInfo(database).Length} bytes");

            using var checkpointer = new SqliteCheckpointer(Options.Create(new DatabaseOptions { DataDirectory = _directory }), NullLogger<SqliteCheckpointer>.Instance);
            await checkpointer.StartAsync(CancellationToken.None);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (new FileInfo(database).Length < 2_000_000 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            await checkpointer.StopAsync(CancellationToken.None);
        }

        Assert.True(new FileInfo(database).Length >= 2_000_000, $"database file {new FileInfo(database).Length} bytes");
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        SqlitePragmas.Apply(connection);
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
