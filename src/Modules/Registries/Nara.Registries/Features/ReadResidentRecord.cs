using Microsoft.EntityFrameworkCore;
using Nara.Registries.Contracts;
using Nara.Registries.Data;
using Nara.Registries.Domain;

namespace Nara.Registries.Features;

internal sealed record Relative(long Id, string NameKo, string NameEn, string MaskedNumber, string RelationKo, string RelationEn);

/// <summary>Everything the registries hold on one resident, for an official with a reason to look.</summary>
internal sealed record ResidentRecord(
    Resident Resident,
    Address Address,
    Household Household,
    IReadOnlyList<Relative> HouseholdMembers,
    IReadOnlyList<Relative> Family,
    HealthInsurance? Insurance,
    Disability? Disability,
    JobseekerRegistration? Jobseeker,
    DaycareEnrolment? Daycare,
    DriverLicence? Licence,
    Passport? Passport);

/// <summary>The official reading the record, as their sign-in claims say.</summary>
internal sealed record Viewer(string AccountId, string? Agency, string? Purpose);

/// <summary>
/// Reads a resident's full record and, in the same transaction, publishes <see cref="ResidentRecordViewed"/>
/// so every look is audited: no view without an audit event.
/// </summary>
internal sealed class ReadResidentRecord(RegistriesDbContext db, TimeProvider clock)
{
    public async Task<ResidentRecord?> RunAsync(long residentId, Viewer viewer, CancellationToken ct)
    {
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == residentId, ct);
        if (resident is null)
        {
            return null;
        }

        var address = await db.Addresses.AsNoTracking().FirstAsync(a => a.Id == resident.AddressId, ct);
        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == resident.HouseholdId, ct);
        var members = (await db.Residents.AsNoTracking().Where(r => r.HouseholdId == household.Id && r.Id != residentId).OrderBy(r => r.RelationToHead).ThenBy(r => r.BirthDate).ToListAsync(ct))
            .Select(r => new Relative(r.Id, r.NameKo, r.NameEn, ResidentNumbers.Mask(r.ResidentNumber), Relations.HouseholdKo(r.RelationToHead), Relations.HouseholdEn(r.RelationToHead)))
            .ToList();
        var family = await FamilyOfAsync(residentId, ct);

        db.Publish(new ResidentRecordViewed(residentId, viewer.AccountId, viewer.Agency, viewer.Purpose), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);

        return new ResidentRecord(
            resident, address, household, members, family,
            await db.HealthInsurance.AsNoTracking().FirstOrDefaultAsync(x => x.ResidentId == residentId, ct),
            await db.Disabilities.AsNoTracking().FirstOrDefaultAsync(x => x.ResidentId == residentId, ct),
            await db.Jobseekers.AsNoTracking().FirstOrDefaultAsync(x => x.ResidentId == residentId, ct),
            await db.DaycareEnrolments.AsNoTracking().FirstOrDefaultAsync(x => x.ResidentId == residentId, ct),
            await db.DriverLicences.AsNoTracking().FirstOrDefaultAsync(x => x.ResidentId == residentId, ct),
            await db.Passports.AsNoTracking().FirstOrDefaultAsync(x => x.ResidentId == residentId, ct));
    }

    /// <summary>Both directions of the family register: "my parent/spouse" and "I am their parent" (= my child).</summary>
    private async Task<List<Relative>> FamilyOfAsync(long residentId, CancellationToken ct)
    {
        var outgoing = from f in db.FamilyRelations.AsNoTracking()
                       where f.ResidentId == residentId
                       join r in db.Residents.AsNoTracking() on f.RelatedResidentId equals r.Id
                       select new { f.Kind, Child = false, r };
        var incoming = from f in db.FamilyRelations.AsNoTracking()
                       where f.RelatedResidentId == residentId && f.Kind == FamilyRelationKind.Parent
                       join r in db.Residents.AsNoTracking() on f.ResidentId equals r.Id
                       select new { f.Kind, Child = true, r };
        var rows = (await outgoing.ToListAsync(ct)).Concat(await incoming.ToListAsync(ct));
        return rows.OrderBy(x => x.r.BirthDate)
            .Select(x => new Relative(x.r.Id, x.r.NameKo, x.r.NameEn, ResidentNumbers.Mask(x.r.ResidentNumber),
                x.Child ? "자녀" : x.Kind == FamilyRelationKind.Parent ? "부모" : "배우자",
                x.Child ? "Child" : x.Kind == FamilyRelationKind.Parent ? "Parent" : "Spouse"))
            .ToList();
    }
}
