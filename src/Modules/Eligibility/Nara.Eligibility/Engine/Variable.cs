namespace Nara.Eligibility.Engine;

/// <summary>
/// A formula computes one variable for one entity member and one period. It returns null when the
/// answer is unknown (an input it needs is missing); the context records which inputs those were.
/// </summary>
public delegate object? Formula(Calc calc);

/// <summary>A formula in force from <paramref name="Since"/> until the next one starts.</summary>
public sealed record DatedFormula(DateOnly Since, Formula Compute, string Summary);

/// <summary>A variable of the model: an input (no formula) or a computed output.</summary>
public sealed class Variable
{
    public required string Name { get; init; }

    public required ValueType ValueType { get; init; }

    public required EntityType Entity { get; init; }

    public required PeriodUnit DefinitionPeriod { get; init; }

    public required string LabelKo { get; init; }

    public required string LabelEn { get; init; }

    public LegalReference? Reference { get; init; }

    /// <summary>Oldest first; empty for an input.</summary>
    public IReadOnlyList<DatedFormula> Formulas { get; init; } = [];

    /// <summary>The Services catalogue slug where one applies for this benefit, if any.</summary>
    public string? ServiceSlug { get; init; }

    public bool IsInput => Formulas.Count == 0;

    /// <summary>
    /// For an input: when a situation does not give it, it is its default value (as OpenFisca answers)
    /// instead of unknown. Only for the administration's own records, where no record means none
    /// (months of a benefit already paid), never for facts about a person.
    /// </summary>
    public bool AbsentIsDefault { get; init; }

    public object DefaultValue => Values.DefaultOf(ValueType);

    public DatedFormula? FormulaAt(DateOnly day) => Formulas.LastOrDefault(f => f.Since <= day);
}
