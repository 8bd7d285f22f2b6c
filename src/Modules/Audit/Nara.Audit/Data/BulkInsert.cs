using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Nara.Audit.Domain;

namespace Nara.Audit.Data;

/// <summary>
/// Raw INSERTs for the append path: EF Core's change tracker costs more than the database here, and the
/// throughput target is ≥ 20,000 entries/s. SQLite goes through its C API (<see cref="SqliteAppendWriter"/>);
/// PostgreSQL through multi-row statements. Column names are EF Core's (quoted).
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

    // Keyed by row count.
    private static readonly ConcurrentDictionary<(string Table, int Rows), string> Sql = new();

    public static Task EntriesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection sqlite)
        {
            new SqliteAppendWriter(sqlite).Entries(records);
            return Task.CompletedTask;
        }

        return MultiRowAsync(connection, transaction, AuditDbContext.EntriesTable, EntryColumns, records, r =>
        [
            r.Index, r.TimeMicros, r.ActorKind, r.ActorId, r.ActorAgency, r.ActorRole, r.Action, r.SubjectType, r.SubjectId,
            r.Purpose, r.Outcome, r.CorrelationId, r.Module, r.Detail, r.MessageId, r.LeafHash,
        ], cancellationToken);
    }

    public static Task NodesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditNode> nodes, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection sqlite)
        {
            new SqliteAppendWriter(sqlite).Nodes(nodes);
            return Task.CompletedTask;
        }

        return MultiRowAsync(connection, transaction, AuditDbContext.NodesTable, NodeColumns, nodes, n => [n.Id, n.Hash], cancellationToken);
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
            command.CommandText = Sql.GetOrAdd((table, count), key => BuildSql(key.Table, columns, key.Rows));
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

    private static string BuildSql(string table, string[] columns, int rows)
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
                sql.Append("$" + (++p).ToString(CultureInfo.InvariantCulture));
            }

            sql.Append(')');
        }

        return sql.ToString();
    }
}
