using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Nara.Eligibility.Domain;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Nara.Eligibility.Data;

/// <summary>
/// Upserts residents' result rows (<see cref="ResultRows"/>: arrays, no entity or string per row) in bulk inside the DbContext's current transaction, so a chunk of results
/// commits together with its opportunities and notifications (written by EF Core in the same transaction).
/// EF Core would track, and send one statement per row; the first run over a large population changes every row.
/// SQLite: one prepared multi-row INSERT … ON CONFLICT DO UPDATE bound by position through the C API and reused
/// (as Registries' seed writer does). PostgreSQL: one INSERT … SELECT FROM unnest(arrays) … ON CONFLICT per
/// chunk — four binary array parameters, one round trip (COPY cannot upsert, and a staging table per chunk would
/// cost more catalog work than it saves at this row width).
/// </summary>
internal abstract class ResultsBulkWriter
{
    public static ResultsBulkWriter For(EligibilityDbContext db) => db.Database.IsNpgsql() ? new PostgresResults(db) : new SqliteResults(db);

    /// <summary>Writes the rows (inserted or replaced by resident id); a transaction must be open on the context.</summary>
    public abstract Task UpsertAsync(ResultRows rows, CancellationToken cancellationToken);

    private sealed class PostgresResults(EligibilityDbContext db) : ResultsBulkWriter
    {
        private const string Sql = """
            INSERT INTO eligibility_results ("ResidentId", "HouseholdId", "Month", "Results")
            SELECT * FROM unnest(@residents, @households, @months, @results)
            ON CONFLICT ("ResidentId") DO UPDATE SET "HouseholdId" = excluded."HouseholdId", "Month" = excluded."Month", "Results" = excluded."Results";
            """;

        public override async Task UpsertAsync(ResultRows rows, CancellationToken cancellationToken)
        {
            if (rows.Count == 0)
            {
                return;
            }

            var months = new string[rows.Count];
            Array.Fill(months, rows.Month);
            var results = new string[rows.Count];
            for (var i = 0; i < results.Length; i++)
            {
                results[i] = Encoding.ASCII.GetString(rows.Results(i));
            }

            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var transaction = (NpgsqlTransaction)(db.Database.CurrentTransaction ?? throw new InvalidOperationException("Results are written inside the chunk's transaction.")).GetDbTransaction();
            await using var command = new NpgsqlCommand(Sql, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<long[]>("residents", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = rows.Residents.ToArray() });
            command.Parameters.Add(new NpgsqlParameter<long[]>("households", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = rows.Households.ToArray() });
            command.Parameters.Add(new NpgsqlParameter<string[]>("months", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = months });
            command.Parameters.Add(new NpgsqlParameter<string[]>("results", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = results });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private sealed class SqliteResults(EligibilityDbContext db) : ResultsBulkWriter
    {
        // 4 parameters a row; SQLite allows 32,766 per statement, beyond a few thousand there is no gain.
        private const int RowsPerStatement = 500;

        public override Task UpsertAsync(ResultRows rows, CancellationToken cancellationToken)
        {
            if (db.Database.CurrentTransaction is null)
            {
                throw new InvalidOperationException("Results are written inside the chunk's transaction.");
            }

            var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle ?? throw new InvalidOperationException("The connection is not open.");
            var month = Encoding.UTF8.GetBytes(rows.Month);
            var statements = new Dictionary<int, sqlite3_stmt>();
            try
            {
                for (var index = 0; index < rows.Count;)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var count = Math.Min(RowsPerStatement, rows.Count - index);
                    if (!statements.TryGetValue(count, out var statement))
                    {
                        statement = Prepare(handle, count);
                        statements[count] = statement;
                    }

                    var parameter = 0;
                    var residents = rows.Residents;
                    var households = rows.Households;
                    for (var i = index; i < index + count; i++)
                    {
                        Check(handle, raw.sqlite3_bind_int64(statement, ++parameter, residents[i]));
                        Check(handle, raw.sqlite3_bind_int64(statement, ++parameter, households[i]));
                        Check(handle, raw.sqlite3_bind_text(statement, ++parameter, month));
                        Check(handle, raw.sqlite3_bind_text(statement, ++parameter, rows.Results(i)));
                    }

                    var rc = raw.sqlite3_step(statement);
                    raw.sqlite3_reset(statement);
                    if (rc != raw.SQLITE_DONE)
                    {
                        throw new SqliteException($"Writing eligibility results failed: {raw.sqlite3_errmsg(handle).utf8_to_string()}", rc);
                    }

                    index += count;
                }
            }
            finally
            {
                foreach (var statement in statements.Values)
                {
                    statement.Dispose();
                }
            }

            return Task.CompletedTask;
        }

        private static sqlite3_stmt Prepare(sqlite3 handle, int rows)
        {
            var sql = "INSERT INTO eligibility_results (\"ResidentId\", \"HouseholdId\", \"Month\", \"Results\") VALUES "
                + string.Join(',', Enumerable.Repeat("(?,?,?,?)", rows))
                + " ON CONFLICT (\"ResidentId\") DO UPDATE SET \"HouseholdId\" = excluded.\"HouseholdId\", \"Month\" = excluded.\"Month\", \"Results\" = excluded.\"Results\";";
            Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
            return statement;
        }

        private static void Check(sqlite3 handle, int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc);
            }
        }
    }
}
