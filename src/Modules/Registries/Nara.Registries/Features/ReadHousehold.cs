using Microsoft.EntityFrameworkCore;
using Nara.Registries.Data;
using Nara.Registries.Domain;

namespace Nara.Registries.Features;

internal sealed record HouseholdView(Household Household, Address Address, IReadOnlyList<Relative> Members, IncomeAssessment? Income, Tenancy? Tenancy);

/// <summary>A household (세대) with its address and members; resident numbers stay masked here.</summary>
internal sealed class ReadHousehold(RegistriesDbContext db)
{
    public async Task<HouseholdView?> RunAsync(long householdId, CancellationToken ct)
    {
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null)
        {
            return null;
        }

        var address = await db.Addresses.AsNoTracking().FirstAsync(a => a.Id == household.AddressId, ct);
        var members = (await db.Residents.AsNoTracking().Where(r => r.HouseholdId == householdId).OrderBy(r => r.RelationToHead).ThenBy(r => r.BirthDate).ToListAsync(ct))
            .Select(r => new Relative(r.Id, r.NameKo, r.NameEn, ResidentNumbers.Mask(r.ResidentNumber), Relations.HouseholdKo(r.RelationToHead), Relations.HouseholdEn(r.RelationToHead)))
            .ToList();
        return new HouseholdView(
            household, address, members,
            await db.Incomes.AsNoTracking().Where(i => i.HouseholdId == householdId).OrderByDescending(i => i.AssessedOn).FirstOrDefaultAsync(ct),
            await db.Tenancies.AsNoTracking().FirstOrDefaultAsync(t => t.HouseholdId == householdId, ct));
    }
}
