using System.Text.RegularExpressions;

namespace Nara.Exchange.Features.Administration;

/// <summary>The syntax of X-Road identifier parts and of attribute and purpose codes.</summary>
internal static partial class Identifiers
{
    /// <summary>A member, subsystem or service code: letters, digits, dot, dash, underscore.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$")]
    public static partial Regex Code();

    /// <summary>An attribute or purpose code, lower-case: "birth-date", "once-only-prefill".</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,59}$")]
    public static partial Regex Term();

    [GeneratedRegex("^[A-Za-z0-9]{2,20}$")]
    public static partial Regex Agency();

    public static string? Name(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? $"{field} is required." : value.Length > 200 ? $"{field} must be at most 200 characters." : null;
}
