using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Nara.Audit.Domain;

namespace Nara.Audit.Data;

/// <summary>
/// Raw INSERTs for the append path: EF Core's change tracker costs more than the database here, and the
/// throughput target is ≥ 20,000 entries/s. Column names are EF Core's (quoted).
/// </summary>
internal static class BulkInsert
{
    private const int RowsPerStatement = 500;

    private static readonly string[] EntryColumns =
    [
        "Index", "TimeMicros", "ActorKind", "ActorId", "ActorAgency", "ActorRole", "Action", "SubjectType", "SubjectId",
        "Purpose", "Outcome", "CorrelationId", "Module", "Detail", "MessageId", "LeafHash",
    ];

    private static readonly string[] NodeColumns = ["Id", "Hash"];

    // Keyed by row count; the SQLite path only ever uses 1.
    private static readonly ConcurrentDictionary<(string Table, int Rows), string> Sql = new();

    public static Task EntriesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken) =>
        InsertAsync(connection, transaction, AuditDbContext.EntriesTable, EntryColumns, records, r =>
        [
            r.Index, r.TimeMicros, r.ActorKind, r.ActorId, r.ActorAgency, r.ActorRole, r.Action, r.SubjectType, r.SubjectId,
            r.Purpose, r.Outcome, r.CorrelationId, r.Module, r.Detail, r.MessageId, r.LeafHash,
        ], cancellationToken);

    public static Task NodesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditNode> nodes, CancellationToken cancellationToken) =>
        InsertAsync(connection, transaction, AuditDbContext.NodesTable, NodeColumns, nodes, n => [n.Id, n.Hash], cancellationToken);

    private static Task InsertAsync<T>(
        DbConnection connection, DbTransaction transaction, string table, string[] columns, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken) =>
        connection.GetType().Name.StartsWith("Sqlite", StringComparison.Ordinal)
            ? PreparedAsync(connection, transaction, table, columns, rows, values, cancellationToken)
            : MultiRowAsync(connection, transaction, table, columns, rows, values, cancellationToken);

    // SQLite runs in-process: one prepared statement re-bound per row is its fastest path (no round trips).
    private static async Task PreparedAsync<T>(
        DbConnection connection, DbTransaction transaction, string table, string[] columns, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql.GetOrAdd((table, 1), key => BuildSql(key.Table, columns, 1, positional: false));
        for (var c = 0; c < columns.Length; c++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + c;
            command.Parameters.Add(parameter);
        }

        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            var rowValues = values(row);
            for (var c = 0; c < rowValues.Length; c++)
            {
                command.Parameters[c].Value = rowValues[c] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // PostgreSQL is across a network: hundreds of rows per statement, positional parameters ($1...).
    private static async Task MultiRowAsync<T>(
        DbConnection connection, DbTransaction transaction, string table, string[] columns, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < rows.Count; offset += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - offset);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Sql.GetOrAdd((table, count), key => BuildSql(key.Table, columns, key.Rows, positional: true));
            for (var i = 0; i < count; i++)
            {
                foreach (var value in values(rows[offset + i]))
                {
                    var parameter = command.CreateParameter();
                    parameter.Value = value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string BuildSql(string table, string[] columns, int rows, bool positional)
    {
        var sql = new StringBuilder($"INSERT INTO {table} (")
            .AppendJoin(", ", columns.Select(c => $"\"{c}\""))
            .Append(") VALUES ");
        var p = 0;
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                sql.Append(c == 0 ? "" : ", ");
                sql.Append(positional ? "$" + (++p).ToString(CultureInfo.InvariantCulture) : "@p" + (p++).ToString(CultureInfo.InvariantCulture));
            }

            sql.Append(')');
        }

        return sql.ToString();
    }
}
