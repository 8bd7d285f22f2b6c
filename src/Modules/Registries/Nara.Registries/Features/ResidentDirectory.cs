using Microsoft.EntityFrameworkCore;
using Nara.Registries.Contracts;
using Nara.Registries.Data;
using Nara.Registries.Domain;

namespace Nara.Registries.Features;

/// <summary>Answers other modules' questions about residents with a summary, never the full record.</summary>
internal sealed class ResidentDirectory(RegistriesDbContext db) : IResidentDirectory
{
    public Task<ResidentSummary?> FindByResidentNumberAsync(string residentNumber, CancellationToken cancellationToken) =>
        Summaries(db.Residents.Where(r => r.ResidentNumber == residentNumber)).FirstOrDefaultAsync(cancellationToken);

    public Task<ResidentSummary?> FindByIdAsync(long residentId, CancellationToken cancellationToken) =>
        Summaries(db.Residents.Where(r => r.Id == residentId)).FirstOrDefaultAsync(cancellationToken);

    // Filter first, then project: EF Core cannot translate a filter on a property of a projected record.
    private IQueryable<ResidentSummary?> Summaries(IQueryable<Resident> residents) =>
        from r in residents.AsNoTracking()
        join a in db.Addresses.AsNoTracking() on r.AddressId equals a.Id
        select (ResidentSummary?)new ResidentSummary(r.Id, r.NameKo, r.NameEn, r.BirthDate, r.Nationality, r.HouseholdId, a.DivisionCode);
}
