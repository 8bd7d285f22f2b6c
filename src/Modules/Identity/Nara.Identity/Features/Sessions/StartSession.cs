using System.Security.Claims;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Identity.Domain;
using Nara.Kernel.Security;

namespace Nara.Identity.Features.Sessions;

/// <summary>Records a sign-in (for the audit log) and returns the session's principal.</summary>
internal sealed class StartSession(IdentityDbContext db, TimeProvider clock)
{
    public async Task<ClaimsPrincipal> ExecuteAsync(Account account, string method, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = clock.GetUtcNow();
        var kind = account.IsOfficial ? ActorKinds.Official : ActorKinds.Citizen;
        db.Publish(new AccountSignedIn(account.Id, kind, account.AgencyCode, account.Roles, method), now);
        await db.SaveChangesAsync(cancellationToken);
        return SessionPrincipal.For(account, method, now);
    }
}
