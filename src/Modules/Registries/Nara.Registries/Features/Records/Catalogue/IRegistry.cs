using Nara.Registries.Data;

namespace Nara.Registries.Features.Records.Catalogue;

/// <summary>
/// One base registry as the GovStack API sees it. Features work on this untyped face; each registry's
/// adapter (a <see cref="RegistryAdapter{TEntity}"/>) maps JSON fields to its entity.
/// </summary>
internal interface IRegistry
{
    /// <summary>Path name, e.g. "health-insurance".</summary>
    string Name { get; }

    /// <summary>Code of the agency that owns the register, e.g. "NHIS".</summary>
    string OwnerAgency { get; }

    string TitleKo { get; }

    string TitleEn { get; }

    IReadOnlyList<RegistryField> Fields { get; }

    IReadOnlyList<RegistryField> KeyFields { get; }

    RegistryField? SubjectField { get; }

    /// <summary>Case-insensitive, so the 1.0 spelling (PascalCase) of a field name works as well.</summary>
    RegistryField? FindField(string name);

    /// <summary>Parses a record id (key values joined by ':'); null and an error when malformed.</summary>
    IReadOnlyList<FieldValue>? ParseId(string id, out string? error);

    string RecordId(object record);

    Task<List<object>> FindAsync(RegistriesDbContext db, RecordFilter filter, int skip, int take, bool track, CancellationToken cancellationToken);

    Task<bool> AnyAsync(RegistriesDbContext db, IReadOnlyList<FieldValue> equals, CancellationToken cancellationToken);

    object NewRecord();

    void Add(RegistriesDbContext db, object record);

    void Remove(RegistriesDbContext db, object record);
}

internal readonly record struct FieldValue(RegistryField Field, object? Value);

/// <param name="Equal">Exact matches, all of which must hold.</param>
/// <param name="SearchText">Substring searched in <paramref name="SearchField"/>, or in every text field when that is null.</param>
/// <param name="OrderBy">Null orders by key.</param>
internal sealed record RecordFilter(
    IReadOnlyList<FieldValue> Equal,
    string? SearchText = null,
    RegistryField? SearchField = null,
    RegistryField? OrderBy = null,
    bool Descending = false)
{
    public static RecordFilter Matching(IReadOnlyList<FieldValue> equal) => new(equal);
}
