using Microsoft.EntityFrameworkCore;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Identity.Domain;
using Nara.Kernel.Security;

namespace Nara.Identity.Features.Officials;

internal enum OfficialChangeResult
{
    Changed,
    NotFound,
    Invalid,
    /// <summary>Administrators may not disable themselves or drop their own administrator role (the agency could lock itself out).</summary>
    OwnAccount,
}

/// <summary>Changes the roles of, disables or re-enables an official of the administrator's own agency.</summary>
internal sealed class ChangeOfficial(IdentityDbContext db, TimeProvider clock)
{
    public async Task<OfficialChangeResult> SetRolesAsync(Guid administratorId, string agency, Guid accountId, IEnumerable<string>? roles, CancellationToken cancellationToken)
    {
        var roleText = OfficialRoles.Normalise(roles);
        var account = await FindAsync(agency, accountId, cancellationToken);
        if (account is null)
        {
            return OfficialChangeResult.NotFound;
        }

        if (roleText.Length == 0)
        {
            return OfficialChangeResult.Invalid;
        }

        if (accountId == administratorId && !roleText.Split(' ').Contains(NaraRoles.Administrator))
        {
            return OfficialChangeResult.OwnAccount;
        }

        account.Roles = roleText;
        db.Publish(new OfficialAccountChanged(account.Id, agency, "roles-changed", roleText, administratorId), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return OfficialChangeResult.Changed;
    }

    public async Task<OfficialChangeResult> SetDisabledAsync(Guid administratorId, string agency, Guid accountId, bool disabled, CancellationToken cancellationToken)
    {
        var account = await FindAsync(agency, accountId, cancellationToken);
        if (account is null)
        {
            return OfficialChangeResult.NotFound;
        }

        if (accountId == administratorId)
        {
            return OfficialChangeResult.OwnAccount;
        }

        var now = clock.GetUtcNow();
        account.DisabledAt = disabled ? account.DisabledAt ?? now : null;
        db.Publish(new OfficialAccountChanged(account.Id, agency, disabled ? "disabled" : "enabled", account.Roles, administratorId), now);
        await db.SaveChangesAsync(cancellationToken);
        return OfficialChangeResult.Changed;
    }

    private Task<Account?> FindAsync(string agency, Guid accountId, CancellationToken cancellationToken) =>
        db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId && a.Kind == AccountKind.Official && a.AgencyCode == agency, cancellationToken);
}
