using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Nara.Kernel.Data;

/// <summary>
/// Inserts new rows with multi-row INSERT statements inside the context's open transaction, without tracking
/// them. SaveChanges sends one INSERT per entity and SQLite parses each again; on a hot write path (a group
/// commit of hundreds of rows) that was most of the commit's CPU. Columns, names and value conversions come
/// from the context's EF model, so both providers store exactly what SaveChanges would have stored.
/// </summary>
/// <remarks>Only for plain entities: every mapped property is a CLR property of the type, in one table, with no
/// database-generated value, and the caller sets Guid keys. Each entity type is checked once and refused otherwise.</remarks>
public static class BulkInsert
{
    // PostgreSQL: multi-row statements (fewer round trips). Small ones on purpose: SQLite finds each named parameter by a linear search of the statement's
    // names, so binding costs grow with the square of the parameters per statement. With thousands of them a
    // backlog made every batch larger and slower (measured: intake fell to half under a steady 2,000/s).
    private const int MaxParameters = 256;

    private const int MaxRowsPerStatement = 16;

    private static readonly ConcurrentDictionary<(IModel Model, Type Type), Shape> Shapes = new();

    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction.");
        var shape = Shapes.GetOrAdd((db.Model, typeof(T)), key => Shape.Of(db, key.Type));
        var connection = db.Database.GetDbConnection();
        if (!db.Database.IsNpgsql())
        {
            await InsertPreparedAsync(connection, transaction, shape, rows, cancellationToken);
            return;
        }

        var perStatement = Math.Clamp(MaxParameters / shape.Columns.Length, 1, MaxRowsPerStatement);
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = shape.Sql(count);
            for (var r = 0; r < count; r++)
            {
                var row = rows[start + r];
                for (var c = 0; c < shape.Columns.Length; c++)
                {
                    var column = shape.Columns[c];
                    command.Parameters.Add(column.Mapping.CreateParameter(command, Shape.ParameterName(r, c, shape.Columns.Length), column.Getter.GetClrValueUsingContainingEntity(row), column.Nullable));
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// SQLite (in process, no round trips): one single-row INSERT prepared once and executed per row with new values.
    /// No statement is parsed twice, and each bind searches only one row's parameter names (a multi-row statement's
    /// search is linear in all of them, per parameter).
    /// </summary>
    private static async Task InsertPreparedAsync<T>(DbConnection connection, DbTransaction transaction, Shape shape, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = shape.Sql(1);
        var parameters = new DbParameter[shape.Columns.Length];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < shape.Columns.Length; c++)
            {
                var column = shape.Columns[c];
                // The mapping converts the value exactly as SaveChanges would; only its value is kept.
                var parameter = column.Mapping.CreateParameter(command, Shape.ParameterName(0, c, shape.Columns.Length), column.Getter.GetClrValueUsingContainingEntity(rows[r]), column.Nullable);
                if (r == 0)
                {
                    parameters[c] = parameter;
                    command.Parameters.Add(parameter);
                }
                else
                {
                    parameters[c].Value = parameter.Value;
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private sealed record Column(RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable);

    private sealed class Shape(string insertInto, Column[] columns)
    {
        private readonly ConcurrentDictionary<int, string> _sql = new();

        public Column[] Columns { get; } = columns;

        public static string ParameterName(int row, int column, int columns) => "@b" + (row * columns + column).ToString(System.Globalization.CultureInfo.InvariantCulture);

        public string Sql(int rows) => _sql.GetOrAdd(rows, n =>
        {
            var sql = new StringBuilder(insertInto);
            for (var r = 0; r < n; r++)
            {
                sql.Append(r == 0 ? "(" : ",(");
                for (var c = 0; c < Columns.Length; c++)
                {
                    sql.Append(c == 0 ? "" : ",").Append(ParameterName(r, c, Columns.Length));
                }

                sql.Append(')');
            }

            return sql.Append(';').ToString();
        });

        public static Shape Of(DbContext db, Type type)
        {
            var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not an entity of {db.GetType().Name}.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var properties = entity.GetProperties().ToArray();
            // A Guid key is "generated on add" by EF on the client; the caller sets it. Anything else generated
            // (identity columns, defaults, computed columns) would be overwritten here, so it is refused.
            if (properties.Any(p => p.IsShadowProperty() || p.ValueGenerated != ValueGenerated.Never && !(p.IsPrimaryKey() && p.ClrType == typeof(Guid))))
            {
                throw new InvalidOperationException($"{type.Name} has shadow or database-generated properties; insert it with SaveChanges.");
            }

            var names = string.Join(',', properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
            var columns = properties.Select(p => new Column(p.GetRelationalTypeMapping(), p.GetGetter(), p.IsNullable)).ToArray();
            return new Shape($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ", columns);
        }
    }
}
