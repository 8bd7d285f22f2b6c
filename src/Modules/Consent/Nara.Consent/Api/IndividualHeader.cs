using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Nara.Consent.Features;
using Nara.Kernel.Http;
using Nara.Kernel.Security;
using Nara.Registries.Contracts;

namespace Nara.Consent.Api;

/// <summary>
/// The individual a service/individual call is about, from <c>X-ConsentBB-IndividualId</c> (a Registries
/// resident id). A citizen may omit it or must name themselves; an agency client must name a known resident.
/// </summary>
internal static class IndividualHeader
{
    public const string Name = "X-ConsentBB-IndividualId";

    public static async Task<(string? Individual, IResult? Error)> ResolveAsync(HttpContext http, IResidentDirectory residents, CancellationToken ct)
    {
        var user = http.User;
        var header = http.Request.Headers[Name].ToString();
        if (header.Length > 0 && !Callers.IsIndividualId(header))
        {
            return (null, Problems.Validation(Name, "Must be an individual id: the resident id, in decimal digits."));
        }

        if (user.HasClaim(NaraClaims.ActorKind, ActorKinds.Citizen))
        {
            var own = Callers.CitizenIndividual(user);
            if (own is null)
            {
                return (null, Problems.Forbidden("Your account is not linked to a resident record."));
            }

            return header.Length == 0 || header == own
                ? (own, null)
                : (null, Problems.Forbidden("A citizen may act only for themselves."));
        }

        if (header.Length == 0)
        {
            return (null, Problems.Validation(Name, "Required: the individual the agency client acts for."));
        }

        return await residents.FindByIdAsync(long.Parse(header, System.Globalization.CultureInfo.InvariantCulture), ct) is null
            ? (null, Problems.NotFound("No such individual."))
            : (header, null);
    }

    public static string? ClientId(ClaimsPrincipal user) => user.FindFirstValue(NaraClaims.ClientId);
}
