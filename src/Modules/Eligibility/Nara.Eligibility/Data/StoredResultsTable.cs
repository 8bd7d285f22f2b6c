using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SQLitePCL;

namespace Nara.Eligibility.Data;

/// <summary>
/// Residents' stored results (<c>eligibility_results</c>) for one run, as flat arrays sorted by resident id: one
/// long pair and <see cref="Width"/> ASCII bytes a row instead of an entity, two strings and a dictionary entry (a
/// million rows were ~200 MB of objects and most of the comparison time). A full run reads the whole table by
/// position (SQLite: the C API, the results' bytes copied as they are; PostgreSQL: NpgsqlDataReader); an incremental
/// run's few rows come through EF Core. Results of another width (the rule set changed) are padded with '-' and never
/// count as unchanged.
/// </summary>
internal sealed class StoredResultsTable
{
    private long[] _resident;
    private long[] _household;
    private bool[] _current;
    private byte[] _results;

    private StoredResultsTable(int capacity, int width)
    {
        Width = width;
        _resident = new long[capacity];
        _household = new long[capacity];
        _current = new bool[capacity];
        _results = new byte[capacity * width];
        Matched = new bool[capacity];
    }

    public int Width { get; }

    public int Count { get; private set; }

    /// <summary>Rows a resident of the population claimed (<see cref="Find"/>'s caller sets it); the rest are gone.</summary>
    public bool[] Matched { get; private set; }

    public long Resident(int row) => _resident[row];

    public long Household(int row) => _household[row];

    /// <summary>Whether the row is of the month evaluated and of the current width (so equal bytes mean unchanged).</summary>
    public bool Current(int row) => _current[row];

    public ReadOnlySpan<byte> Results(int row) => _results.AsSpan(row * Width, Width);

    /// <summary>The row of the resident, or -1.</summary>
    public int Find(long resident)
    {
        var row = Array.BinarySearch(_resident, 0, Count, resident);
        return row >= 0 ? row : -1;
    }

    /// <param name="households">Null for everyone (a full run); else the affected households, whose residents (<paramref name="residents"/>) may be stored under another household.</param>
    public static async Task<StoredResultsTable> LoadAsync(EligibilityDbContext db, string month, int width, List<long>? households, long[] residents, CancellationToken cancellationToken)
    {
        if (households is not null)
        {
            // A resident who moved into an affected household keeps their row under the old household id.
            var rows = await db.Results.AsNoTracking()
                .Where(r => households.Contains(r.HouseholdId) || residents.Contains(r.ResidentId))
                .OrderBy(r => r.ResidentId).ToListAsync(cancellationToken);
            var table = new StoredResultsTable(rows.Count, width);
            foreach (var row in rows)
            {
                table.Add(row.ResidentId, row.HouseholdId, row.Month == month, System.Text.Encoding.UTF8.GetBytes(row.Results));
            }

            return table;
        }

        var count = await db.Results.CountAsync(cancellationToken);
        var all = new StoredResultsTable(count, width);
        var monthBytes = System.Text.Encoding.UTF8.GetBytes(month);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            const string Sql = """SELECT "ResidentId", "HouseholdId", "Month", "Results" FROM eligibility_results ORDER BY "ResidentId" """;
            if (db.Database.GetDbConnection() is SqliteConnection sqlite)
            {
                var handle = sqlite.Handle ?? throw new InvalidOperationException("The connection is not open.");
                Check(handle, raw.sqlite3_prepare_v2(handle, Sql, out var statement));
                using (statement)
                {
                    int rc;
                    while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                    {
                        all.Add(raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_int64(statement, 1),
                            raw.sqlite3_column_blob(statement, 2).SequenceEqual(monthBytes), raw.sqlite3_column_blob(statement, 3));
                    }

                    if (rc != raw.SQLITE_DONE)
                    {
                        throw new SqliteException($"Reading eligibility results failed: {raw.sqlite3_errmsg(handle).utf8_to_string()}", rc);
                    }
                }
            }
            else
            {
                await using var command = new NpgsqlCommand(Sql, (NpgsqlConnection)db.Database.GetDbConnection());
                await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
                var buffer = new byte[64];
                while (await reader.ReadAsync(cancellationToken))
                {
                    var (resident, household, rowMonth) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2));
                    var results = reader.GetString(3);
                    var length = results.Length <= buffer.Length ? System.Text.Encoding.UTF8.GetBytes(results, buffer) : buffer.Length;
                    all.Add(resident, household, rowMonth == month, buffer.AsSpan(0, length));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return all;
    }

    private void Add(long resident, long household, bool sameMonth, ReadOnlySpan<byte> results)
    {
        if (Count == _resident.Length)
        {
            // More rows than counted: none should appear while this run leads, but stay correct if they do.
            var capacity = Math.Max(16, Count * 2);
            Array.Resize(ref _resident, capacity);
            Array.Resize(ref _household, capacity);
            Array.Resize(ref _current, capacity);
            Array.Resize(ref _results, capacity * Width);
            var matched = Matched;
            Array.Resize(ref matched, capacity);
            Matched = matched;
        }

        if (Count > 0 && resident <= _resident[Count - 1])
        {
            throw new InvalidOperationException("Stored results must come in ascending resident order.");
        }

        _resident[Count] = resident;
        _household[Count] = household;
        _current[Count] = sameMonth && results.Length == Width;
        var row = _results.AsSpan(Count * Width, Width);
        row.Fill((byte)'-');
        results[..Math.Min(results.Length, Width)].CopyTo(row);
        Count++;
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc);
        }
    }
}

/// <summary>A chunk of result rows to upsert, as arrays (no entity or string per row): all of one month.</summary>
internal sealed class ResultRows(int capacity, int width, string month)
{
    private readonly long[] _resident = new long[capacity];
    private readonly long[] _household = new long[capacity];
    private readonly byte[] _results = new byte[capacity * width];

    public int Width { get; } = width;

    public string Month { get; } = month;

    public int Count { get; private set; }

    public int Capacity => _resident.Length;

    public ReadOnlySpan<long> Residents => _resident.AsSpan(0, Count);

    public ReadOnlySpan<long> Households => _household.AsSpan(0, Count);

    public ReadOnlySpan<byte> Results(int row) => _results.AsSpan(row * Width, Width);

    public void Add(long resident, long household, ReadOnlySpan<byte> results)
    {
        _resident[Count] = resident;
        _household[Count] = household;
        results.CopyTo(_results.AsSpan(Count * Width, Width));
        Count++;
    }

    public void Clear() => Count = 0;
}
