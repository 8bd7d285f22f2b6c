using Microsoft.EntityFrameworkCore;
using Nara.Registries.Contracts;
using Nara.Registries.Data;

namespace Nara.Registries.Features;

/// <summary>Answers Services' prefill question (address and household members) without handing out whole records.</summary>
internal sealed class HouseholdDirectory(RegistriesDbContext db) : IHouseholdDirectory
{
    public async Task<HouseholdSummary?> FindForResidentAsync(long residentId, CancellationToken cancellationToken)
    {
        var home = await (
            from r in db.Residents.AsNoTracking()
            join a in db.Addresses.AsNoTracking() on r.AddressId equals a.Id
            where r.Id == residentId
            select new { r.HouseholdId, a.RoadAddressKo, a.RoadAddressEn, a.PostalCode, a.DivisionCode }).FirstOrDefaultAsync(cancellationToken);
        if (home is null)
        {
            return null;
        }

        var members = await db.Residents.AsNoTracking()
            .Where(r => r.HouseholdId == home.HouseholdId)
            .OrderBy(r => r.RelationToHead).ThenBy(r => r.BirthDate)
            .Select(r => new { r.Id, r.NameKo, r.NameEn, r.BirthDate, r.RelationToHead })
            .ToListAsync(cancellationToken);
        return new HouseholdSummary(
            home.HouseholdId, home.RoadAddressKo, home.RoadAddressEn, home.PostalCode, home.DivisionCode,
            [.. members.Select(m => new HouseholdMemberSummary(m.Id, m.NameKo, m.NameEn, m.BirthDate, m.RelationToHead.ToString().ToLowerInvariant()))]);
    }
}
