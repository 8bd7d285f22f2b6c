using Microsoft.EntityFrameworkCore;
using Nara.Identity.Contracts;
using Nara.Identity.Data;

namespace Nara.Identity.Features.AgencyClients;

internal sealed class ListAgencyClients(IdentityDbContext db)
{
    public async Task<IReadOnlyList<AgencyClientInfo>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var clients = await db.AgencyClients.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return [.. clients.Select(c => new AgencyClientInfo(
            c.Id, c.AgencyCode, c.Name, c.KeyPrefix, AgencyClientScopes.Split(c.Scopes), c.CreatedAt, c.RevokedAt))];
    }
}
