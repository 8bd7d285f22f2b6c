namespace Nara.Eligibility.Engine;

/// <summary>
/// One condition of a rule, evaluated: holds (true), fails (false) or unknown (null, with the
/// inputs whose absence made it so). The text is a full sentence with the values, in both languages.
/// </summary>
public sealed record Check(string Id, bool? Holds, string TextKo, string TextEn, IReadOnlyList<string> Missing);

/// <summary>
/// Why a determination came out as it did: the conditions with their values, the parameters used
/// (with their dates and legal references), the failing condition, and the missing inputs.
/// </summary>
public sealed record Explanation(
    bool? Result,
    IReadOnlyList<Check> Conditions,
    IReadOnlyList<ParameterUse> Parameters,
    IReadOnlyList<string> Missing)
{
    /// <summary>For "not eligible": the first condition that failed.</summary>
    public Check? Failed => Result == false ? Conditions.FirstOrDefault(c => c.Holds == false) : null;
}

/// <summary>A variable that, through its formulas, depends on itself: a defect of the rules, found at run time.</summary>
public sealed class CircularDefinitionException(string key)
    : Exception($"Circular definition detected on formula {key}: it depends on itself.")
{
    public string Key { get; } = key;
}

/// <summary>A variable asked for a period it is not defined on (e.g. a month variable for a year).</summary>
public sealed class PeriodMismatchException(string message) : Exception(message);
