using System.Globalization;
using System.Security.Claims;
using Nara.Credentials.Contracts;
using Nara.Kernel.Security;

namespace Nara.Credentials.Api;

/// <summary>The signed-in citizen's resident id and audit identity, for the wallet's pages and endpoints.</summary>
internal static class Citizens
{
    public static long? Resident(ClaimsPrincipal user) =>
        user.HasClaim(NaraClaims.ActorKind, ActorKinds.Citizen)
        && long.TryParse(user.FindFirstValue(NaraClaims.ResidentId), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : null;

    public static CredentialActor Actor(ClaimsPrincipal user) =>
        new(ActorKinds.Citizen, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown");
}
