using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Nara.Identity.Data;
using Nara.Identity.Domain;
using Nara.Kernel.Security;
using Nara.Kernel.Time;
using Nara.Registries.Contracts;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nara.Identity.Features.Oidc;

/// <summary>
/// The claims a token carries, built at issue time (so age_over_* is true on the day it becomes true). A person's
/// claims follow the scopes granted; an agency system's carry its agency and the registry scopes the API checks.
/// </summary>
internal sealed class OidcPrincipals(IdentityDbContext db, IResidentDirectory residents, PairwiseSubjects subjects, TimeProvider clock)
{
    /// <summary>Private: kept in authorization codes and refresh tokens (only the server reads them), never in a token a client reads.</summary>
    public const string AccountClaim = "nara_account";

    public const string Agency = "agency";
    public const string Roles = "roles";
    public static readonly int[] AgeThresholds = [14, 19, 65];

    public async Task<ClaimsPrincipal?> ForAccountAsync(Guid accountId, OidcClientSettings client, IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return null;
        }

        var granted = scopes.ToHashSet(StringComparer.Ordinal);
        var resident = account.ResidentId is { } residentId ? await residents.FindByIdAsync(residentId, cancellationToken) : null;
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, await subjects.SubjectForAsync(account.Id, client, cancellationToken));
        identity.SetClaim(AccountClaim, account.Id.ToString("D"));
        if (granted.Contains(Scopes.Profile))
        {
            identity.SetClaim(Claims.Name, resident?.NameKo ?? account.DisplayName);
        }

        if (resident is not null && granted.Contains(OidcScopes.Birthdate))
        {
            identity.SetClaim(Claims.Birthdate, resident.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (resident is not null && granted.Contains(OidcScopes.Age))
        {
            var today = KoreaTime.Today(clock);
            foreach (var years in AgeThresholds)
            {
                var over = resident.BirthDate.AddYears(years) <= today;
                identity.AddClaim(new Claim($"age_over_{years}", over ? "true" : "false", ClaimValueTypes.Boolean));
            }
        }

        if (account.Kind == AccountKind.Official && granted.Contains(OidcScopes.Official))
        {
            identity.SetClaim(Agency, account.AgencyCode);
            identity.SetClaims(Roles, [.. account.Roles.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        }

        identity.SetScopes(granted.Where(s => !OidcScopes.IsApi(s)));
        identity.SetDestinations(PersonDestinations);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Client credentials: the agency system itself, with the claims Nara's APIs authorize on.</summary>
    public static ClaimsPrincipal ForClient(OidcClientSettings client, IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(client);
        var granted = scopes.ToList();
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, client.ClientId);
        identity.SetClaim(Claims.Name, client.DisplayName);
        identity.SetClaim(NaraClaims.ActorKind, ActorKinds.AgencyClient);
        identity.SetClaim(NaraClaims.ClientId, client.ClientId);
        identity.SetClaim(NaraClaims.Agency, client.AgencyCode);
        identity.SetClaims(NaraClaims.Scope, [.. OidcScopes.ToApiScopes(granted).Distinct(StringComparer.Ordinal)]);
        identity.SetScopes(granted);
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// When the person signed in (OIDC Core auth_time): in every id_token, not only when max_age was asked, so a
    /// relying party that asked prompt=login or max_age can check it. Kept in the code and refresh token, so the
    /// tokens exchanged for them carry the original time.
    /// </summary>
    public static void SetAuthTime(ClaimsPrincipal principal, DateTimeOffset authTime)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.RemoveClaims(Claims.AuthenticationTime);
        var claim = new Claim(Claims.AuthenticationTime, authTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);
        claim.SetDestinations(Destinations.IdentityToken);
        identity.AddClaim(claim);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);

    private static IEnumerable<string> PersonDestinations(Claim claim) => claim.Type switch
    {
        AccountClaim => [],
        // The access token (encrypted, read only by Nara) carries the same claims, so userinfo can answer from it.
        _ => [Destinations.AccessToken, Destinations.IdentityToken],
    };
}
