using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Nara.Registries.Data.Bulk;

/// <summary>
/// Loads rows through SQLite's C API (the handle Microsoft.Data.Sqlite wraps): prepared multi-row INSERTs bound
/// by position and reused, all in one transaction. Binding by position skips the per-parameter name lookups and
/// boxing of ADO.NET, which is most of the cost at millions of rows.
/// </summary>
internal sealed partial class SqliteBulkWriter(SqliteConnection connection) : IRegistryBulkWriter, IRowSink
{
    // Parameters per statement; SQLite allows 32,766, but beyond a few thousand there is no gain.
    private const int ParametersPerStatement = 3_000;

    // Back to the connection settings of SqlitePragmas (and SQLite's default cache) once the seed is done.
    private const string RestorePragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-2000; PRAGMA threads=0;";

    private readonly Dictionary<(string Table, int Rows), sqlite3_stmt> _statements = [];
    private readonly byte[] _buffer = new byte[4_096];
    private readonly List<string> _indexes = [];
    private sqlite3_stmt? _current;
    private int _parameter;
    private bool _inTransaction;

    private sqlite3 Db => connection.Handle ?? throw new InvalidOperationException("The connection is not open.");

    public Task BeginAsync(IReadOnlyList<string> tablesChildrenFirst, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tablesChildrenFirst);
        // synchronous=OFF only for this connection and only while seeding: a crash mid-seed can at worst lose or
        // corrupt seed data that is being replaced anyway, and a failed seed is simply run again. FULL returns below.
        // Foreign keys are not checked row by row (millions of parent look-ups): the rows come from the generator,
        // whose references the seeding integrity tests verify, and the load is still one transaction.
        // threads lets CREATE INDEX sort on a second core; the cache (up to 1 GiB, taken as used) keeps the
        // freshly written tables in memory for the index rebuild.
        Execute("PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-1048576; PRAGMA temp_store=MEMORY; PRAGMA threads=2;");
        Execute("BEGIN IMMEDIATE;");
        _inTransaction = true;
        foreach (var table in tablesChildrenFirst)
        {
            Execute($"DELETE FROM \"{table}\";");
        }

        DropIndexes(tablesChildrenFirst);
        return Task.CompletedTask;
    }

    public Task WriteAsync<T>(BulkTable<T> table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        var perStatement = Math.Max(1, ParametersPerStatement / table.Columns.Length);
        var index = 0;
        while (index < rows.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(perStatement, rows.Count - index);
            _current = Statement(table.Name, table.Columns, count);
            _parameter = 0;
            for (var i = 0; i < count; i++)
            {
                table.Write(this, rows[index + i]);
            }

            var rc = raw.sqlite3_step(_current);
            raw.sqlite3_reset(_current);
            if (rc != raw.SQLITE_DONE)
            {
                throw new SqliteException($"Bulk insert into {table.Name} failed: {raw.sqlite3_errmsg(Db).utf8_to_string()}", rc);
            }

            index += count;
        }

        return Task.CompletedTask;
    }

    public Task CommitAsync(IReadOnlyList<string> identityTables, CancellationToken cancellationToken)
    {
        // AUTOINCREMENT keeps sqlite_sequence at the largest id inserted, explicit ids included: nothing to fix.
        foreach (var sql in _indexes)
        {
            Execute(sql);
        }

        Execute("COMMIT;");
        _inTransaction = false;
        Execute(RestorePragmas);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
        if (_inTransaction)
        {
            raw.sqlite3_exec(Db, "ROLLBACK;");
        }

        raw.sqlite3_exec(Db, RestorePragmas);
        return ValueTask.CompletedTask;
    }

    public void Int64(long value) => Check(raw.sqlite3_bind_int64(_current, ++_parameter, value));

    public void Int32(int value) => Check(raw.sqlite3_bind_int(_current, ++_parameter, value));

    public void Boolean(bool value) => Check(raw.sqlite3_bind_int(_current, ++_parameter, value ? 1 : 0));

    public void Double(double value) => Check(raw.sqlite3_bind_double(_current, ++_parameter, value));

    public void Text(string value)
    {
        var length = Encoding.UTF8.GetBytes(value, _buffer);
        Check(raw.sqlite3_bind_text(_current, ++_parameter, _buffer.AsSpan(0, length)));
    }

    public void NullableText(string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_current, ++_parameter));
        }
        else
        {
            Text(value);
        }
    }

    /// <summary>EF Core's SQLite provider stores DateOnly as TEXT "yyyy-MM-dd".</summary>
    public void Date(DateOnly value)
    {
        // Written digit by digit: the general date formatter is a visible share of the load time.
        var (year, month, day) = value;
        var b = _buffer.AsSpan(0, 10);
        b[0] = (byte)('0' + (year / 1000));
        b[1] = (byte)('0' + (year / 100 % 10));
        b[2] = (byte)('0' + (year / 10 % 10));
        b[3] = (byte)('0' + (year % 10));
        b[4] = (byte)'-';
        b[5] = (byte)('0' + (month / 10));
        b[6] = (byte)('0' + (month % 10));
        b[7] = (byte)'-';
        b[8] = (byte)('0' + (day / 10));
        b[9] = (byte)('0' + (day % 10));
        Check(raw.sqlite3_bind_text(_current, ++_parameter, b));
    }

    public void NullableDate(DateOnly? value)
    {
        if (value is { } date)
        {
            Date(date);
        }
        else
        {
            Check(raw.sqlite3_bind_null(_current, ++_parameter));
        }
    }

    private sqlite3_stmt Statement(string table, string[] columns, int rows)
    {
        if (_statements.TryGetValue((table, rows), out var statement))
        {
            return statement;
        }

        var row = "(" + string.Join(',', Enumerable.Repeat("?", columns.Length)) + ")";
        var sql = $"INSERT INTO \"{table}\" ({string.Join(',', columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(',', Enumerable.Repeat(row, rows))};";
        Check(raw.sqlite3_prepare_v2(Db, sql, out statement));
        _statements[(table, rows)] = statement;
        return statement;
    }

    /// <summary>
    /// Secondary indexes are dropped inside the transaction and rebuilt before COMMIT: one sort per index instead of
    /// millions of random b-tree inserts. DDL is transactional in SQLite, so a failed seed leaves them untouched,
    /// and a unique index that finds a duplicate when rebuilt fails the seed as an insert would have.
    /// Indexes on one id column stay: ids are written in ascending order, so those entries are appended at the right
    /// edge of the b-tree as cheaply as a rebuild would write them, and during the load rather than after it.
    /// </summary>
    private void DropIndexes(IReadOnlyList<string> tables)
    {
        var names = new List<string>();
        var list = string.Join(',', tables.Select(t => $"'{t}'"));
        Check(raw.sqlite3_prepare_v2(Db, $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({list});", out var query));
        using (query)
        {
            while (raw.sqlite3_step(query) == raw.SQLITE_ROW)
            {
                var sql = raw.sqlite3_column_text(query, 1).utf8_to_string();
                if (OnOneIdColumn().IsMatch(sql))
                {
                    continue;
                }

                names.Add(raw.sqlite3_column_text(query, 0).utf8_to_string());
                _indexes.Add(sql + ";");
            }
        }

        foreach (var name in names)
        {
            Execute($"DROP INDEX \"{name}\";");
        }
    }

    [GeneratedRegex("""\("[A-Za-z]*Id"\)$""")]
    private static partial Regex OnOneIdColumn();

    private void Execute(string sql) => Check(raw.sqlite3_exec(Db, sql));

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(Db).utf8_to_string(), rc);
        }
    }
}
