using System.Security.Claims;
using Microsoft.Extensions.Options;
using Nara.Kernel.Security;

namespace Nara.Exchange.Features.Administration;

/// <summary>
/// Who is changing the exchange's configuration. Administrators of the platform agency manage everything
/// (members included); an agency's administrators manage the subsystems, services and access rights of
/// their own agency's member only, as a security server owner does in X-Road.
/// </summary>
internal sealed record ExchangeAdministrator(string AccountId, string Agency, bool Platform)
{
    public bool MayManage(string? memberAgency) => Platform || (memberAgency is not null && string.Equals(memberAgency, Agency, StringComparison.OrdinalIgnoreCase));

    public static ExchangeAdministrator? From(ClaimsPrincipal user, IOptions<ExchangeOptions> options)
    {
        if (!user.HasClaim(NaraClaims.ActorKind, ActorKinds.Official) || !user.HasClaim(NaraClaims.Role, NaraRoles.Administrator)
            || user.FindFirstValue(NaraClaims.Agency) is not { } agency)
        {
            return null;
        }

        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub") ?? "unknown";
        return new ExchangeAdministrator(id, agency, string.Equals(agency, options.Value.PlatformAgency, StringComparison.OrdinalIgnoreCase));
    }
}
