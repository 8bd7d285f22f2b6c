using System.Globalization;
using System.Security.Claims;
using Nara.Identity.Domain;
using Nara.Kernel.Security;

namespace Nara.Identity.Features.Sessions;

/// <summary>The claims of a signed-in session, whatever the sign-in method.</summary>
internal static class SessionPrincipal
{
    public static ClaimsPrincipal For(Account account, string method, DateTimeOffset authenticatedAt)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(NaraSchemes.Cookie, ClaimTypes.Name, NaraClaims.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Name, account.DisplayName));
        identity.AddClaim(new Claim(NaraClaims.ActorKind, account.IsOfficial ? ActorKinds.Official : ActorKinds.Citizen));
        identity.AddClaim(new Claim(NaraClaims.AuthMethod, method));
        identity.AddClaim(new Claim(NaraClaims.AuthTime, authenticatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        if (account.AgencyCode is { Length: > 0 } agency)
        {
            identity.AddClaim(new Claim(NaraClaims.Agency, agency));
        }

        foreach (var role in account.RoleList)
        {
            identity.AddClaim(new Claim(NaraClaims.Role, role));
        }

        if (account.ResidentId is { } residentId)
        {
            identity.AddClaim(new Claim(NaraClaims.ResidentId, residentId.ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(identity);
    }

    public static Guid? AccountId(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
