using System.Security.Claims;
using Nara.Kernel.Security;

namespace Nara.Notifications.Features;

/// <summary>The signed-in citizen's account id, or null for anyone else (signed out, officials, agency systems).</summary>
internal static class CitizenAccount
{
    public static Guid? Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true
            && user.HasClaim(NaraClaims.ActorKind, ActorKinds.Citizen)
            && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
                ? id
                : null;
    }
}
