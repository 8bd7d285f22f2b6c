namespace Nara.Registries.Data.Bulk;

/// <summary>Receives one row's values in column order; each provider encodes them its own way (bind, COPY).</summary>
internal interface IRowSink
{
    void Int64(long value);

    void Int32(int value);

    void Text(string value);

    void NullableText(string? value);

    void Date(DateOnly value);

    void NullableDate(DateOnly? value);

    void Boolean(bool value);

    void Double(double value);
}

/// <summary>A table to bulk-load: its name, its columns in order, and how one entity becomes one row.</summary>
internal sealed record BulkTable<T>(string Name, string[] Columns, Action<IRowSink, T> Write);

/// <summary>Bulk loads rows into the registry tables within one transaction.</summary>
internal interface IRegistryBulkWriter : IAsyncDisposable
{
    /// <summary>Opens the transaction and empties the given tables (children listed first).</summary>
    Task BeginAsync(IReadOnlyList<string> tablesChildrenFirst, CancellationToken cancellationToken);

    Task WriteAsync<T>(BulkTable<T> table, IReadOnlyList<T> rows, CancellationToken cancellationToken);

    /// <summary>Brings identity sequences past the largest ids written, then commits.</summary>
    Task CommitAsync(IReadOnlyList<string> identityTables, CancellationToken cancellationToken);
}
