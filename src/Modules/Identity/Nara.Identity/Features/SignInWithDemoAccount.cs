using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Identity.Domain;
using Nara.Kernel.Security;

namespace Nara.Identity.Features;

/// <summary>
/// Demo sign-in: pick a seeded persona account and get the same claims a real sign-in will give. Only when
/// Nara:Identity:DemoSignIn is true (development and tests); real sign-in arrives with passkeys.
/// </summary>
internal sealed class SignInWithDemoAccount(IdentityDbContext db, IConfiguration configuration, TimeProvider clock)
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
        if (account is null)
        {
            return null;
        }

        // The sign-in is a fact the audit log records; written with nothing else, so it stands alone.
        var kind = account.Kind == AccountKind.Official ? ActorKinds.Official : ActorKinds.Citizen;
        db.Publish(new AccountSignedIn(account.Id, kind, account.AgencyCode, account.Roles, "demo"), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return PrincipalOf(account);
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
