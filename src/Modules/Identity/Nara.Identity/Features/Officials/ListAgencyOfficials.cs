using Microsoft.EntityFrameworkCore;
using Nara.Identity.Data;
using Nara.Identity.Domain;

namespace Nara.Identity.Features.Officials;

internal sealed record OfficialItem(Guid Id, string DisplayName, string Roles, bool Disabled, int Passkeys);

internal sealed class ListAgencyOfficials(IdentityDbContext db)
{
    public async Task<IReadOnlyList<OfficialItem>> ExecuteAsync(string agency, CancellationToken cancellationToken) =>
        (await db.Accounts.AsNoTracking()
            .Where(a => a.Kind == AccountKind.Official && a.AgencyCode == agency)
            .Select(a => new OfficialItem(a.Id, a.DisplayName, a.Roles, a.DisabledAt != null, a.Passkeys.Count))
            .ToListAsync(cancellationToken))
        .OrderBy(o => o.DisplayName, StringComparer.Ordinal).ToList();
}
