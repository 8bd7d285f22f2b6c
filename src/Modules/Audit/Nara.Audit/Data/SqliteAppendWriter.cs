using System.Text;
using Microsoft.Data.Sqlite;
using Nara.Audit.Domain;
using SQLitePCL;

namespace Nara.Audit.Data;

/// <summary>
/// The SQLite append path through SQLite's C API (the handle Microsoft.Data.Sqlite wraps): multi-row INSERTs
/// bound by position. ADO.NET's per-row parameter objects, name lookups and boxing were most of the writer's
/// time at the ≥ 20,000 appends/s target; the database work itself is the same.
/// Runs inside the caller's transaction on the caller's open connection.
/// </summary>
internal sealed class SqliteAppendWriter(SqliteConnection connection)
{
    // 16 columns × 125 rows = 2,000 parameters a statement: past a few hundred rows there is no further gain.
    private const int EntryRowsPerStatement = 125;
    private const int NodeRowsPerStatement = 500;

    private static readonly string[] EntryColumns =
    [
        "Index", "TimeMicros", "ActorKind", "ActorId", "ActorAgency", "ActorRole", "Action", "SubjectType", "SubjectId",
        "Purpose", "Outcome", "CorrelationId", "Module", "Detail", "MessageId", "LeafHash",
    ];

    private readonly byte[] _buffer = new byte[16_384];
    private sqlite3_stmt? _statement;
    private int _parameter;

    private sqlite3 Db => connection.Handle ?? throw new InvalidOperationException("The connection is not open.");

    public void Entries(IReadOnlyList<AuditRecord> records) =>
        Insert(AuditDbContext.EntriesTable, EntryColumns, EntryRowsPerStatement, records, record =>
        {
            Int64(record.Index);
            Int64(record.TimeMicros);
            Text(record.ActorKind);
            Text(record.ActorId);
            Text(record.ActorAgency);
            Text(record.ActorRole);
            Text(record.Action);
            Text(record.SubjectType);
            Text(record.SubjectId);
            Text(record.Purpose);
            Text(record.Outcome);
            Text(record.CorrelationId);
            Text(record.Module);
            Text(record.Detail);
            Text(record.MessageId);
            Blob(record.LeafHash);
        });

    public void Nodes(IReadOnlyList<AuditNode> nodes) =>
        Insert(AuditDbContext.NodesTable, ["Id", "Hash"], NodeRowsPerStatement, nodes, node =>
        {
            Int64(node.Id);
            Blob(node.Hash);
        });

    private void Insert<T>(string table, string[] columns, int rowsPerStatement, IReadOnlyList<T> rows, Action<T> bind)
    {
        for (var offset = 0; offset < rows.Count; offset += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, rows.Count - offset);
            Check(raw.sqlite3_prepare_v2(Db, Sql(table, columns, count), out var statement));
            using (statement)
            {
                _statement = statement;
                _parameter = 0;
                for (var i = 0; i < count; i++)
                {
                    bind(rows[offset + i]);
                }

                var rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    throw new SqliteException($"Appending to {table} failed: {raw.sqlite3_errmsg(Db).utf8_to_string()}", rc);
                }
            }
        }
    }

    private static string Sql(string table, string[] columns, int rows)
    {
        var row = "(" + string.Join(',', Enumerable.Repeat("?", columns.Length)) + ")";
        return $"INSERT INTO \"{table}\" ({string.Join(',', columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(',', Enumerable.Repeat(row, rows))};";
    }

    private void Int64(long value) => Check(raw.sqlite3_bind_int64(_statement, ++_parameter, value));

    private void Blob(byte[] value) => Check(raw.sqlite3_bind_blob(_statement, ++_parameter, value));

    private void Text(string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, ++_parameter));
            return;
        }

        // SQLITE_TRANSIENT copies the bytes, so one scratch buffer serves every parameter.
        var length = Encoding.UTF8.GetBytes(value, _buffer);
        Check(raw.sqlite3_bind_text(_statement, ++_parameter, _buffer.AsSpan(0, length)));
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(Db).utf8_to_string(), rc);
        }
    }
}
