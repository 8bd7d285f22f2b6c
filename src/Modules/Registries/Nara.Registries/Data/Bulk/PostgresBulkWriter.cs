using Npgsql;
using NpgsqlTypes;

namespace Nara.Registries.Data.Bulk;

/// <summary>Loads rows with PostgreSQL's binary COPY, in one transaction, then moves the identity sequences on.</summary>
internal sealed class PostgresBulkWriter(NpgsqlConnection connection) : IRegistryBulkWriter, IRowSink
{
    private NpgsqlTransaction? _transaction;
    private NpgsqlBinaryImporter? _importer;

    private NpgsqlBinaryImporter Importer => _importer ?? throw new InvalidOperationException("No COPY in progress.");

    public async Task BeginAsync(IReadOnlyList<string> tablesChildrenFirst, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tablesChildrenFirst);
        _transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Every registry table is listed, so TRUNCATE needs no CASCADE; it is transactional in PostgreSQL.
        await ExecuteAsync($"TRUNCATE {string.Join(", ", tablesChildrenFirst.Select(t => $"\"{t}\""))};", cancellationToken);
    }

    public async Task WriteAsync<T>(BulkTable<T> table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c}\""));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        _importer = importer;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            table.Write(this, row);
        }

        await importer.CompleteAsync(cancellationToken);
        _importer = null;
    }

    public async Task CommitAsync(IReadOnlyList<string> identityTables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identityTables);
        foreach (var table in identityTables)
        {
            await ExecuteAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), COALESCE((SELECT MAX(\"Id\") FROM \"{table}\"), 0) + 1, false);",
                cancellationToken);
        }

        await _transaction!.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }
    }

    public void Int64(long value) => Importer.Write(value, NpgsqlDbType.Bigint);

    public void Int32(int value) => Importer.Write(value, NpgsqlDbType.Integer);

    public void Text(string value) => Importer.Write(value, NpgsqlDbType.Varchar);

    public void NullableText(string? value)
    {
        if (value is null)
        {
            Importer.WriteNull();
        }
        else
        {
            Text(value);
        }
    }

    public void Date(DateOnly value) => Importer.Write(value, NpgsqlDbType.Date);

    public void NullableDate(DateOnly? value)
    {
        if (value is { } date)
        {
            Date(date);
        }
        else
        {
            Importer.WriteNull();
        }
    }

    public void Boolean(bool value) => Importer.Write(value, NpgsqlDbType.Boolean);

    public void Double(double value) => Importer.Write(value, NpgsqlDbType.Double);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, _transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
