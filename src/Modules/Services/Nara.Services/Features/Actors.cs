using System.Globalization;
using System.Security.Claims;
using Nara.Kernel.Security;

namespace Nara.Services.Features;

/// <summary>The signed-in citizen: account, the resident record it is linked to, and the name to show in histories.</summary>
internal sealed record Applicant(Guid AccountId, long? ResidentId, string Name)
{
    public static Applicant? Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || !user.HasClaim(NaraClaims.ActorKind, ActorKinds.Citizen)
            || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return null;
        }

        long? resident = long.TryParse(user.FindFirstValue(NaraClaims.ResidentId), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null;
        return new Applicant(id, resident, user.FindFirstValue(ClaimTypes.Name) ?? "");
    }
}

/// <summary>The signed-in official acting on a case: their agency and roles there.</summary>
internal sealed record Official(Guid AccountId, string Name, string Agency, IReadOnlySet<string> Roles)
{
    public bool IsCaseworker => Roles.Contains(NaraRoles.Caseworker);

    public bool IsApprover => Roles.Contains(NaraRoles.Approver);

    public bool WorksCases => IsCaseworker || IsApprover;

    public static Official? Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || !user.HasClaim(NaraClaims.ActorKind, ActorKinds.Official)
            || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            || user.FindFirstValue(NaraClaims.Agency) is not { Length: > 0 } agency)
        {
            return null;
        }

        var roles = user.FindAll(NaraClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Official(id, user.FindFirstValue(ClaimTypes.Name) ?? "", agency, roles);
    }
}
