namespace Nara.Eligibility.Engine;

/// <summary>A law or decree a rule or parameter comes from; the title is the Korean name of the act.</summary>
public sealed record LegalReference(string Title, string Href);

/// <summary>One dated value: applies from <paramref name="Since"/> until the next value starts.</summary>
public sealed record DatedValue(DateOnly Since, decimal Value);

/// <summary>A number of the law that changes over time (a limit, a rate, an amount), kept as data.</summary>
public sealed class Parameter(string id, string descriptionKo, string descriptionEn, string unit, LegalReference reference, IEnumerable<DatedValue> values)
{
    public string Id { get; } = id;

    public string DescriptionKo { get; } = descriptionKo;

    public string DescriptionEn { get; } = descriptionEn;

    /// <summary><c>KRW</c>, <c>ratio</c>, <c>months</c> or <c>years</c>.</summary>
    public string Unit { get; } = unit;

    public LegalReference Reference { get; } = reference;

    /// <summary>Newest first.</summary>
    public IReadOnlyList<DatedValue> Values { get; } = [.. values.OrderByDescending(v => v.Since)];

    public DatedValue? At(DateOnly day) => Values.FirstOrDefault(v => v.Since <= day);

    /// <summary>This parameter with the overlay's values added (a value on the same date is replaced).</summary>
    public Parameter With(IEnumerable<DatedValue> overlay)
    {
        var merged = Values.ToDictionary(v => v.Since);
        foreach (var value in overlay)
        {
            merged[value.Since] = value;
        }

        return new Parameter(Id, DescriptionKo, DescriptionEn, Unit, Reference, merged.Values);
    }
}

/// <summary>
/// A reform: dated parameter values laid over the law in force, so "what if the basic pension limit
/// were 2,400,000 from 2026-01" is data, evaluated by the same rules.
/// </summary>
public sealed record Reform(string Id, string NameKo, string NameEn, IReadOnlyDictionary<string, IReadOnlyList<DatedValue>> Changes);

/// <summary>The use of a parameter in a determination, kept for explanations and traces.</summary>
public sealed record ParameterUse(string Id, DateOnly Instant, decimal Value, DateOnly Since, LegalReference Reference)
{
    /// <summary>Cited as in the explanations: "(기초연금법 시행령, 2025)".</summary>
    public string Citation => $"({Reference.Title}, {Since.Year})";
}

public sealed class ParameterNotFoundException(string id, DateOnly instant)
    : Exception($"The parameter '{id}' has no value on {instant:yyyy-MM-dd}.")
{
    public string ParameterId { get; } = id;
}
