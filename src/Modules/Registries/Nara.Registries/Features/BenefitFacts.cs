using Microsoft.EntityFrameworkCore;
using Nara.Registries.Contracts;
using Nara.Registries.Data;
using Nara.Registries.Domain;

namespace Nara.Registries.Features;

/// <summary>Answers Eligibility's question about one household with a handful of small queries.</summary>
internal sealed class BenefitFacts(RegistriesDbContext db) : IBenefitFacts
{
    public async Task<HouseholdFacts?> ForResidentAsync(long residentId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var householdId = await db.Residents.AsNoTracking().Where(r => r.Id == residentId).Select(r => (long?)r.HouseholdId).FirstOrDefaultAsync(cancellationToken);
        if (householdId is not { } id || await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, cancellationToken) is not { } household)
        {
            return null;
        }

        var members = await db.Residents.AsNoTracking().Where(r => r.HouseholdId == id)
            .OrderBy(r => r.RelationToHead).ThenBy(r => r.BirthDate).ToListAsync(cancellationToken);
        var ids = members.Select(m => m.Id).ToList();
        var income = await db.Incomes.AsNoTracking().Where(i => i.HouseholdId == id && i.AssessedOn <= asOf)
            .OrderByDescending(i => i.AssessedOn).Select(i => (long?)i.MonthlyRecognisedIncome).FirstOrDefaultAsync(cancellationToken);
        var medical = await db.HealthInsurance.AsNoTracking().AnyAsync(
            h => ids.Contains(h.ResidentId) && (h.Status == InsuranceStatus.MedicalAidType1 || h.Status == InsuranceStatus.MedicalAidType2), cancellationToken);
        var rent = await db.Tenancies.AsNoTracking().AnyAsync(t => t.HouseholdId == id && t.MonthlyRent > 0 && t.Since <= asOf, cancellationToken);
        var severe = await db.Disabilities.AsNoTracking().Where(d => ids.Contains(d.ResidentId) && d.Degree == DisabilityDegree.Severe && d.RegisteredOn <= asOf)
            .Select(d => d.ResidentId).ToListAsync(cancellationToken);
        var jobseekers = await db.Jobseekers.AsNoTracking().Where(j => ids.Contains(j.ResidentId) && j.RegisteredOn <= asOf).Select(j => j.ResidentId).ToListAsync(cancellationToken);
        var daycare = await db.DaycareEnrolments.AsNoTracking().Where(d => ids.Contains(d.ResidentId) && d.Since <= asOf).Select(d => d.ResidentId).ToListAsync(cancellationToken);
        var relations = await db.FamilyRelations.AsNoTracking().Where(f => ids.Contains(f.ResidentId)).ToListAsync(cancellationToken);
        var married = relations.Where(r => r.Kind == FamilyRelationKind.Spouse).Select(r => r.ResidentId).ToHashSet();
        var birthOrders = await BirthOrdersAsync(relations, cancellationToken);

        return new HouseholdFacts(id, household.SingleParent, income, medical, rent, [.. members.Select(m => new MemberFacts(
            m.Id, m.NameKo, m.NameEn, m.BirthDate, m.RelationToHead.ToString().ToLowerInvariant(), m.Sex == Sex.Female,
            married.Contains(m.Id), severe.Contains(m.Id), jobseekers.Contains(m.Id), daycare.Contains(m.Id), birthOrders.GetValueOrDefault(m.Id)))]);
    }

    /// <summary>A child's rank among its mother's children by birth date (the register's parent entry that is a woman).</summary>
    private async Task<Dictionary<long, int?>> BirthOrdersAsync(List<FamilyRelation> relations, CancellationToken cancellationToken)
    {
        var parents = relations.Where(r => r.Kind == FamilyRelationKind.Parent).Select(r => r.RelatedResidentId).Distinct().ToList();
        var mothers = await db.Residents.AsNoTracking().Where(r => parents.Contains(r.Id) && r.Sex == Sex.Female).Select(r => r.Id).ToListAsync(cancellationToken);
        var children = await (
            from f in db.FamilyRelations.AsNoTracking()
            join c in db.Residents.AsNoTracking() on f.ResidentId equals c.Id
            where f.Kind == FamilyRelationKind.Parent && mothers.Contains(f.RelatedResidentId)
            select new { Mother = f.RelatedResidentId, Child = c.Id, c.BirthDate }).ToListAsync(cancellationToken);
        var orders = new Dictionary<long, int?>();
        foreach (var family in children.GroupBy(c => c.Mother))
        {
            var rank = 0;
            foreach (var child in family.OrderBy(c => c.BirthDate).ThenBy(c => c.Child))
            {
                orders[child.Child] = ++rank;
            }
        }

        return orders;
    }
}
