namespace Nara.Notifications.Features;

/// <summary>Who is sending, with the limits that apply to them.</summary>
/// <param name="ClientId">An agency client id, or <see cref="ModuleClientId"/>.</param>
/// <param name="DailyCap">Null for Nara's own modules, which are not capped.</param>
internal sealed record SendCaller(string ClientId, string? Agency, bool Test, int? DailyCap, string? CallbackUrl)
{
    public const string ModuleClientId = "module";

    public static SendCaller Module { get; } = new(ModuleClientId, null, false, null, null);
}
