using Microsoft.EntityFrameworkCore;
using Nara.Registries.Contracts;
using Nara.Registries.Data;

namespace Nara.Registries.Features;

internal sealed class ResidentContacts(RegistriesDbContext db) : IResidentContacts
{
    public Task<ResidentContactDetails?> FindAsync(long residentId, CancellationToken cancellationToken) =>
        db.Contacts.AsNoTracking()
            .Where(c => c.ResidentId == residentId)
            .Select(c => (ResidentContactDetails?)new ResidentContactDetails(c.MobilePhone, c.Email))
            .FirstOrDefaultAsync(cancellationToken);
}
