using System.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace Nara.Registries.Data.Bulk;

/// <summary>
/// Streams the rows of one SELECT to a callback, column by position, without materialising entities: the
/// read-side analogue of the bulk writers, for whole-population reads (<see cref="Features.PopulationFacts"/>).
/// The SQL is the same on both providers (quoted identifiers, no dates in it); the row accessor hides how each
/// stores booleans and dates. SQLite: the C API on the connection's handle (no boxing, no string per date: the
/// 'yyyy-MM-dd' text is parsed from its bytes). PostgreSQL: NpgsqlDataReader with typed getters.
/// </summary>
internal abstract class ColumnScan
{
    /// <summary>Runs the query and calls <paramref name="row"/> once per row, in the query's order.</summary>
    public abstract Task ScanAsync(string sql, Action<ScanRow> row, CancellationToken cancellationToken);

    public static ColumnScan Sqlite(SqliteConnection connection) => new SqliteScan(connection);

    public static ColumnScan Postgres(NpgsqlConnection connection) => new PostgresScan(connection);

    private sealed class SqliteScan(SqliteConnection connection) : ColumnScan
    {
        public override Task ScanAsync(string sql, Action<ScanRow> row, CancellationToken cancellationToken)
        {
            var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
            if (raw.sqlite3_prepare_v2(handle, sql, out var statement) != raw.SQLITE_OK)
            {
                throw new SqliteException($"Reading the registries failed: {raw.sqlite3_errmsg(handle).utf8_to_string()}", raw.sqlite3_errcode(handle));
            }

            using (statement)
            {
                var current = new SqliteRow(statement);
                var rows = 0;
                int rc;
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                    if (++rows % 65_536 == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    row(current);
                }

                if (rc != raw.SQLITE_DONE)
                {
                    throw new SqliteException($"Reading the registries failed: {raw.sqlite3_errmsg(handle).utf8_to_string()}", rc);
                }
            }

            return Task.CompletedTask;
        }
    }

    private sealed class SqliteRow(sqlite3_stmt statement) : ScanRow
    {
        public override long Int64(int column) => raw.sqlite3_column_int64(statement, column);

        public override bool Boolean(int column) => raw.sqlite3_column_int64(statement, column) != 0;

        public override int Day(int column)
        {
            if (raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL)
            {
                return 0;
            }

            // EF Core's SQLite provider stores DateOnly as 'yyyy-MM-dd' text.
            var text = raw.sqlite3_column_blob(statement, column);
            if (text.Length != 10 || text[4] != '-' || text[7] != '-')
            {
                throw new FormatException($"Not a date: '{System.Text.Encoding.UTF8.GetString(text)}'.");
            }

            return new DateOnly(Digits(text[..4]), Digits(text.Slice(5, 2)), Digits(text.Slice(8, 2))).DayNumber;
        }

        public override (byte, byte) TwoBytes(int column)
        {
            var text = raw.sqlite3_column_blob(statement, column);
            return text.Length >= 2 ? (text[0], text[1]) : throw new FormatException("Expected at least two characters.");
        }

        private static int Digits(ReadOnlySpan<byte> digits)
        {
            var value = 0;
            foreach (var d in digits)
            {
                value = d is >= (byte)'0' and <= (byte)'9' ? (value * 10) + (d - '0') : throw new FormatException("Not a digit in a date.");
            }

            return value;
        }
    }

    private sealed class PostgresScan(NpgsqlConnection connection) : ColumnScan
    {
        public override async Task ScanAsync(string sql, Action<ScanRow> row, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            var current = new PostgresRow(reader);
            while (await reader.ReadAsync(cancellationToken))
            {
                row(current);
            }
        }
    }

    private sealed class PostgresRow(NpgsqlDataReader reader) : ScanRow
    {
        public override long Int64(int column) => reader.GetFieldType(column) == typeof(int) ? reader.GetInt32(column) : reader.GetInt64(column);

        public override bool Boolean(int column) => reader.GetBoolean(column);

        public override int Day(int column) => reader.IsDBNull(column) ? 0 : reader.GetFieldValue<DateOnly>(column).DayNumber;

        public override (byte, byte) TwoBytes(int column)
        {
            var text = reader.GetString(column);
            return text.Length >= 2 && text[0] < 128 && text[1] < 128 ? ((byte)text[0], (byte)text[1]) : throw new FormatException("Expected two ASCII characters.");
        }
    }
}

/// <summary>The current row of a <see cref="ColumnScan"/>; valid only during the callback.</summary>
internal abstract class ScanRow
{
    /// <summary>An integer column (ids, amounts, enums).</summary>
    public abstract long Int64(int column);

    public abstract bool Boolean(int column);

    /// <summary>A date column as <see cref="DateOnly.DayNumber"/>; 0 for NULL.</summary>
    public abstract int Day(int column);

    /// <summary>The first two characters of an ASCII text column (a 시도 code).</summary>
    public abstract (byte, byte) TwoBytes(int column);
}
