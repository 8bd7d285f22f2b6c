using Microsoft.EntityFrameworkCore;
using Nara.Registries.Contracts;
using Nara.Registries.Data;

namespace Nara.Registries.Features;

/// <summary>Answers other modules' questions about residents with a summary, never the full record.</summary>
internal sealed class ResidentDirectory(RegistriesDbContext db) : IResidentDirectory
{
    public async Task<ResidentSummary?> FindByResidentNumberAsync(string residentNumber, CancellationToken cancellationToken) =>
        (await Summaries().FirstOrDefaultAsync(r => r.Number == residentNumber, cancellationToken))?.Summary;

    public async Task<ResidentSummary?> FindByIdAsync(long residentId, CancellationToken cancellationToken) =>
        (await Summaries().FirstOrDefaultAsync(r => r.Id == residentId, cancellationToken))?.Summary;

    private IQueryable<Row> Summaries() =>
        from r in db.Residents.AsNoTracking()
        join a in db.Addresses.AsNoTracking() on r.AddressId equals a.Id
        select new Row(r.Id, r.ResidentNumber, new ResidentSummary(r.Id, r.NameKo, r.NameEn, r.BirthDate, r.Nationality, r.HouseholdId, a.DivisionCode));

    private sealed record Row(long Id, string Number, ResidentSummary Summary);
}
