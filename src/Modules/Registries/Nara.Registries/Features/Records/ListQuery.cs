using System.Globalization;
using Microsoft.AspNetCore.Http;
using Nara.Kernel.Paging;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries.Features.Records;

/// <summary>
/// The list query string: search, filter, ordering, page, page_size (1.0) or pageSize (23Q4), and one
/// query.&lt;field&gt; per exact filter. Returns an English error for the first thing that is wrong.
/// </summary>
internal static class ListQuery
{
    public static (RecordFilter? Filter, PageRequest Page, string? Error) Parse(IRegistry registry, IQueryCollection query)
    {
        if (!TryInt(query, "page", out var page, out var error) || !TryInt(query, "page_size", out var size, out error)
            || (size is null && !TryInt(query, "pageSize", out size, out error)))
        {
            return (null, default, error);
        }

        error = PageRequest.Validate(page, size, out var paging);
        if (error is not null)
        {
            return (null, default, error);
        }

        var equal = new List<FieldValue>();
        foreach (var (key, values) in query.Where(q => q.Key.StartsWith("query.", StringComparison.OrdinalIgnoreCase)))
        {
            var field = registry.FindField(key[6..]);
            if (field is null)
            {
                return (null, default, $"{registry.Name} has no field '{key[6..]}' to filter on.");
            }

            if (!FieldValues.TryFromText(field, values.ToString(), out var value, out error))
            {
                return (null, default, error);
            }

            equal.Add(new FieldValue(field, value));
        }

        var (filter, searchError) = WithSearch(registry, new RecordFilter(equal), query["search"].ToString(), query["filter"].ToString());
        return searchError is null ? WithOrdering(registry, filter!, query["ordering"].ToString(), paging) : (null, default, searchError);
    }

    private static (RecordFilter? Filter, string? Error) WithSearch(IRegistry registry, RecordFilter filter, string search, string fieldName)
    {
        if (search.Length == 0)
        {
            return string.IsNullOrEmpty(fieldName) || registry.FindField(fieldName) is not null
                ? (filter, null)
                : (null, $"{registry.Name} has no field '{fieldName}' to filter on.");
        }

        if (string.IsNullOrEmpty(fieldName))
        {
            return (filter with { SearchText = search }, null);
        }

        var field = registry.FindField(fieldName);
        if (field is null)
        {
            return (null, $"{registry.Name} has no field '{fieldName}' to filter on.");
        }

        if (field.Kind == FieldKind.Text)
        {
            return (filter with { SearchText = search, SearchField = field }, null);
        }

        // Dates, numbers and codes are matched exactly: "contains" means nothing for them.
        return FieldValues.TryFromText(field, search, out var value, out var error)
            ? (filter with { Equal = [.. filter.Equal, new FieldValue(field, value)] }, null)
            : (null, error);
    }

    private static (RecordFilter?, PageRequest, string?) WithOrdering(IRegistry registry, RecordFilter filter, string ordering, PageRequest paging)
    {
        switch (ordering.ToLowerInvariant())
        {
            case "" or "asc" or "ascending":
                return (filter, paging, null);
            case "desc" or "descending":
                return (filter with { Descending = true }, paging, null);
        }

        var descending = ordering.StartsWith('-');
        var field = registry.FindField(descending ? ordering[1..] : ordering);
        return field is null
            ? (null, default, $"Cannot order by '{ordering}': use a field name, -fieldName, ascending or descending.")
            : (filter with { OrderBy = field, Descending = descending }, paging, null);
    }

    private static bool TryInt(IQueryCollection query, string name, out int? value, out string? error)
    {
        value = null;
        error = null;
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        error = $"{name} must be a whole number.";
        return false;
    }
}
