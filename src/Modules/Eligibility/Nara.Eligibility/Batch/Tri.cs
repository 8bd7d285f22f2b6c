namespace Nara.Eligibility.Batch;

/// <summary>
/// Three-valued results as bytes ordered No &lt; Unknown &lt; Yes, so Kleene "and" is min and "or" is max:
/// branch-free over columns, and the same logic as the per-household engine's <c>Calc.All</c>.
/// </summary>
internal static class Tri
{
    public const byte No = 0;
    public const byte Unknown = 1;
    public const byte Yes = 2;

    public static byte Of(bool value) => value ? Yes : No;

    public static byte And(byte a, byte b) => Math.Min(a, b);

    public static byte Or(byte a, byte b) => Math.Max(a, b);

    public static bool? ToBool(byte value) => value switch { Yes => true, No => false, _ => null };

    /// <summary>'Y', 'N', '?' as stored per resident; '-' where the benefit is not the resident's to claim.</summary>
    public static char ToChar(byte value) => value switch { Yes => 'Y', No => 'N', _ => '?' };
}
