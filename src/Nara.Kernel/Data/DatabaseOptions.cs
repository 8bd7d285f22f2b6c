namespace Nara.Kernel.Data;

/// <summary>Bound from <c>Nara:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Nara:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSQL; for SQLite it defaults to a file in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the SQLite file (and other local state) lives; relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "Nara:Database:Provider is Postgres but Nara:Database:ConnectionString is empty.");
        }

        Directory.CreateDirectory(DataDirectory);
        return $"Data Source={Path.Combine(DataDirectory, "nara.db")}";
    }
}
