using System.Globalization;
using System.Security.Claims;
using Nara.Consent.Contracts;
using Nara.Kernel.Security;

namespace Nara.Consent.Features;

/// <summary>Who is calling, read from the claims every scheme sets.</summary>
internal static class Callers
{
    public static ConsentActor Actor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var kind = user.FindFirstValue(NaraClaims.ActorKind) ?? "unknown";
        var id = kind == ActorKinds.AgencyClient
            ? user.FindFirstValue(NaraClaims.ClientId) ?? "unknown"
            : user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
        var role = kind == ActorKinds.Official && user.HasClaim(NaraClaims.Role, Kernel.Security.NaraRoles.Administrator) ? NaraRoles.Administrator : null;
        return new ConsentActor(kind, id, user.FindFirstValue(NaraClaims.Agency), role);
    }

    /// <summary>The resident a signed-in citizen's account is linked to.</summary>
    public static string? CitizenIndividual(ClaimsPrincipal user) =>
        user.HasClaim(NaraClaims.ActorKind, ActorKinds.Citizen)
        && long.TryParse(user.FindFirstValue(NaraClaims.ResidentId), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0
            ? r.ToString(CultureInfo.InvariantCulture)
            : null;

    /// <summary>The agency whose agreements an administrator manages; null for platform administrators (all of them).</summary>
    public static string? AdministeredAgency(ClaimsPrincipal user, string platformAgency)
    {
        var agency = user.FindFirstValue(NaraClaims.Agency) ?? "";
        return agency == platformAgency ? null : agency;
    }

    /// <summary>An individual id is a resident id: decimal digits of a positive 64-bit number.</summary>
    public static bool IsIndividualId(string? value) =>
        value is { Length: > 0 and <= 19 } && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0;

    /// <summary>Who a signature stands for.</summary>
    public static string SignedAs(ConsentActor actor, string individualId) =>
        actor.Kind == ActorKinds.AgencyClient ? $"agency-client:{actor.Id} for individual:{individualId}" : $"individual:{individualId}";
}
