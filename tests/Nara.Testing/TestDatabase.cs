using Npgsql;

namespace Nara.Testing;

/// <summary>
/// A real, throwaway database per factory: a SQLite file in a temporary folder, or, when
/// NARA_TEST_POSTGRES holds a connection string, a fresh PostgreSQL database on that server.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _adminConnectionString;

    private TestDatabase(string provider, string connectionString, string directory, string? admin, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Directory = directory;
        _adminConnectionString = admin;
        DatabaseName = name;
    }

    public static string? PostgresServer => Environment.GetEnvironmentVariable("NARA_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Scratch folder for this test run (SQLite file, exported files).</summary>
    public string Directory { get; }

    public string? DatabaseName { get; }

    public bool IsPostgres => Provider == "Postgres";

    public static TestDatabase Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "nara-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        if (PostgresServer is { } server)
        {
            var name = "nara_test_" + Guid.NewGuid().ToString("N")[..12];
            using (var connection = new NpgsqlConnection(server))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"CREATE DATABASE \"{name}\"";
                command.ExecuteNonQuery();
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
            return new TestDatabase("Postgres", builder.ConnectionString, directory, server, name);
        }

        return new TestDatabase("Sqlite", $"Data Source={Path.Combine(directory, "nara.db")}", directory, null, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is not null && DatabaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalizer: the OS temp cleaner will take it.
        }
    }
}
