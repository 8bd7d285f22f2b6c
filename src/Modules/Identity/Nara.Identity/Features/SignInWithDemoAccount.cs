using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Nara.Identity.Data;
using Nara.Identity.Domain;
using Nara.Kernel.Security;

namespace Nara.Identity.Features;

/// <summary>
/// Demo sign-in: pick a seeded persona account and get the same claims a real sign-in will give. Only when
/// Nara:Identity:DemoSignIn is true (development and tests); real sign-in arrives with passkeys.
/// </summary>
internal sealed class SignInWithDemoAccount(IdentityDbContext db, IConfiguration configuration)
{
    public bool Enabled => configuration.GetValue("Nara:Identity:DemoSignIn", false);

    /// <summary>Persona accounts, officials first, so the sign-in page can list them.</summary>
    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken) =>
        Enabled
            ? await db.Accounts.AsNoTracking()
                .Where(a => a.PersonaKey != null)
                .OrderByDescending(a => a.Kind).ThenBy(a => a.PersonaKey)
                .ToListAsync(cancellationToken)
            : [];

    /// <summary>The principal for a persona account, or null when demo sign-in is off or the account is unknown.</summary>
    public async Task<ClaimsPrincipal?> PrincipalForAsync(Guid accountId, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return null;
        }

        var account = await db.Accounts.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == accountId && a.PersonaKey != null, cancellationToken);
        return account is null ? null : PrincipalOf(account);
    }

    public static ClaimsPrincipal PrincipalOf(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(NaraSchemes.Cookie, ClaimTypes.Name, NaraClaims.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Name, account.DisplayName));
        identity.AddClaim(new Claim(NaraClaims.ActorKind, account.Kind == AccountKind.Official ? ActorKinds.Official : ActorKinds.Citizen));
        if (account.AgencyCode is { Length: > 0 } agency)
        {
            identity.AddClaim(new Claim(NaraClaims.Agency, agency));
        }

        foreach (var role in account.Roles.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            identity.AddClaim(new Claim(NaraClaims.Role, role));
        }

        if (account.ResidentId is { } residentId)
        {
            identity.AddClaim(new Claim(NaraClaims.ResidentId, residentId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(identity);
    }
}
