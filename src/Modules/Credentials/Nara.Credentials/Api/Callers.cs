using System.Globalization;
using System.Security.Claims;
using Nara.Credentials.Contracts;
using Nara.Kernel.Security;

namespace Nara.Credentials.Api;

/// <summary>Who is calling, as the features need it: a citizen's resident and account, an official's agency.</summary>
internal static class Callers
{
    public static long? Resident(ClaimsPrincipal user) =>
        user.HasClaim(NaraClaims.ActorKind, ActorKinds.Citizen)
        && long.TryParse(user.FindFirstValue(NaraClaims.ResidentId), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : null;

    public static Guid? Account(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static CredentialActor Citizen(ClaimsPrincipal user) =>
        new(ActorKinds.Citizen, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown");

    public static string? Agency(ClaimsPrincipal user) => user.FindFirstValue(NaraClaims.Agency) is { Length: > 0 } a ? a : null;

    /// <param name="role">The role the official acts in (what the endpoint's policy required).</param>
    public static CredentialActor Official(ClaimsPrincipal user, string role) =>
        new(ActorKinds.Official, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown", Agency(user), role);

    /// <summary>An official's reason, required: 3 to 200 characters after trimming; null when missing or out of bounds.</summary>
    public static string? Reason(string? reason) => reason?.Trim() is { Length: >= 3 and <= 200 } r ? r : null;
}
