using Microsoft.EntityFrameworkCore;
using Nara.Identity.Contracts;
using Nara.Identity.Data;

namespace Nara.Identity.Features.AgencyClients;

/// <summary>Refuses a client's key from the next request on; the row stays so the audit trail can name it.</summary>
internal sealed class RevokeAgencyClient(IdentityDbContext db, TimeProvider clock, AgencyKeyCache cache)
{
    public async Task<bool> ExecuteAsync(string clientId, CancellationToken cancellationToken)
    {
        var client = await db.AgencyClients.FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return false;
        }

        if (client.RevokedAt is null)
        {
            client.RevokedAt = clock.GetUtcNow();
            db.Publish(new AgencyClientRevoked(client.Id, client.AgencyCode), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        cache.Forget(client.Id);

        return true;
    }
}
