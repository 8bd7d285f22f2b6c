using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Identity.Domain;
using Nara.Identity.Features.Sessions;
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
            .FirstOrDefaultAsync(a => a.Id == accountId && a.PersonaKey != null && a.DisabledAt == null, cancellationToken);
        if (account is null)
        {
            return null;
        }

        // The sign-in is a fact the audit log records; written with nothing else, so it stands alone.
        var kind = account.Kind == AccountKind.Official ? ActorKinds.Official : ActorKinds.Citizen;
        db.Publish(new AccountSignedIn(account.Id, kind, account.AgencyCode, account.Roles, "demo"), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return SessionPrincipal.For(account, "demo", clock.GetUtcNow());
    }
}
