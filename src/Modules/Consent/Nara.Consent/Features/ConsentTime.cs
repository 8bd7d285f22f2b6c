namespace Nara.Consent.Features;

/// <summary>Consent times are whole UTC seconds: what is hashed and signed must read back identically from either database.</summary>
internal static class ConsentTime
{
    public static DateTimeOffset Now(TimeProvider clock) => DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds());
}
