using System.Collections.Frozen;
using System.Text.Json;

namespace Nara.Services.Domain.Catalogue;

/// <summary>An owning agency as the catalogue data names it.</summary>
public sealed record AgencyEntry(string Code, LocalText Name);

/// <summary>
/// Owning agencies by the code catalogue files use, read from the catalogue data
/// (<c>Catalogue/agencies.json</c>, embedded): adding an agency is a data change, not a code change. Names follow
/// the agencies' own English names. A code missing there is shown as the code itself (and fails the catalogue
/// test), never an error page.
/// </summary>
public static class Agencies
{
    private static readonly Lazy<(IReadOnlyList<AgencyEntry> List, FrozenDictionary<string, LocalText> ByCode)> Data = new(Load);

    public static IReadOnlyList<AgencyEntry> All => Data.Value.List;

    public static LocalText? Find(string code) => code is null ? null : Data.Value.ByCode.GetValueOrDefault(code);

    public static string NameOf(string code) => Find(code)?.Current ?? code;

    /// <summary>Reads and checks a list of agencies (used for the embedded file and by tests).</summary>
    public static IReadOnlyList<AgencyEntry> Parse(string json)
    {
        var list = JsonSerializer.Deserialize<List<AgencyEntry>>(json, CatalogueLoader.Json) ?? [];
        var problems = list.GroupBy(a => a.Code, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"agency code '{g.Key}' is listed twice")
            .Concat(list.Where(a => string.IsNullOrWhiteSpace(a.Code) || string.IsNullOrWhiteSpace(a.Name?.Ko) || string.IsNullOrWhiteSpace(a.Name?.En))
                .Select(a => $"agency '{a.Code}' needs a code and Korean and English names"))
            .ToList();
        return problems.Count == 0 ? list : throw new CatalogueException("agencies.json: " + string.Join("; ", problems));
    }

    private static (IReadOnlyList<AgencyEntry>, FrozenDictionary<string, LocalText>) Load()
    {
        var list = Parse(CatalogueLoader.ReadEmbedded("Catalogue.agencies.json"));
        return (list, list.ToFrozenDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal));
    }
}
