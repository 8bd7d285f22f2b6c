using Microsoft.EntityFrameworkCore;
using Nara.Registries.Contracts;
using Nara.Registries.Data;
using Nara.Registries.Domain;

namespace Nara.Registries.Features;

/// <summary>Answers <see cref="ICertificateRecords"/> from the registry tables, one small query per kind asked for.</summary>
internal sealed class CertificateRecordsReader(RegistriesDbContext db) : ICertificateRecords
{
    public async Task<CertificateRecords?> ForResidentAsync(long residentId, CertificateRecordKinds kinds, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == residentId, ct);
        if (resident is null)
        {
            return null;
        }

        RegistrationRecord? registration = null;
        if (kinds.HasFlag(CertificateRecordKinds.Registration)
            && await db.Addresses.AsNoTracking().FirstOrDefaultAsync(a => a.Id == resident.AddressId, ct) is { } home)
        {
            registration = new RegistrationRecord(home.RoadAddressKo, home.RoadAddressEn, home.PostalCode, home.DivisionCode, resident.MovedInOn,
                resident.RelationToHead.ToString().ToLowerInvariant());
        }

        return new CertificateRecords(
            resident.Id, resident.NameKo, resident.NameEn, resident.BirthDate, registration,
            kinds.HasFlag(CertificateRecordKinds.Family) ? await FamilyAsync(residentId, ct) : [],
            kinds.HasFlag(CertificateRecordKinds.Income) ? await IncomeAsync(resident.HouseholdId, ct) : null,
            kinds.HasFlag(CertificateRecordKinds.HealthInsurance) ? await HealthInsuranceAsync(residentId, ct) : null,
            kinds.HasFlag(CertificateRecordKinds.Disability) ? await DisabilityAsync(residentId, ct) : null,
            kinds.HasFlag(CertificateRecordKinds.Businesses) ? await BusinessesAsync(residentId, ct) : [],
            kinds.HasFlag(CertificateRecordKinds.Graduations) ? await GraduationsAsync(residentId, ct) : [],
            kinds.HasFlag(CertificateRecordKinds.Household) ? await HouseholdAsync(resident.HouseholdId, ct) : []);
    }

    /// <summary>
    /// The register's rows read both ways: "my parent is X" and "my spouse is X" from the resident's own rows, and
    /// "X's parent is me" as the resident's children. Parents first, then spouse, then children, each by birth date.
    /// </summary>
    private async Task<IReadOnlyList<FamilyMemberRecord>> FamilyAsync(long residentId, CancellationToken ct)
    {
        var own = await (
            from f in db.FamilyRelations.AsNoTracking()
            where f.ResidentId == residentId
            join r in db.Residents.AsNoTracking() on f.RelatedResidentId equals r.Id
            select new { f.Kind, r.NameKo, r.NameEn, r.BirthDate }).ToListAsync(ct);
        var children = await (
            from f in db.FamilyRelations.AsNoTracking()
            where f.RelatedResidentId == residentId && f.Kind == FamilyRelationKind.Parent
            join r in db.Residents.AsNoTracking() on f.ResidentId equals r.Id
            select new { r.NameKo, r.NameEn, r.BirthDate }).ToListAsync(ct);
        return
        [
            .. own.Where(x => x.Kind == FamilyRelationKind.Parent).OrderBy(x => x.BirthDate).Select(x => new FamilyMemberRecord("parent", x.NameKo, x.NameEn, x.BirthDate)),
            .. own.Where(x => x.Kind == FamilyRelationKind.Spouse).OrderBy(x => x.BirthDate).Select(x => new FamilyMemberRecord("spouse", x.NameKo, x.NameEn, x.BirthDate)),
            .. children.OrderBy(x => x.BirthDate).Select(x => new FamilyMemberRecord("child", x.NameKo, x.NameEn, x.BirthDate)),
        ];
    }

    /// <summary>The household's members as 등본 lists them: the head first, then by birth date.</summary>
    private async Task<IReadOnlyList<HouseholdMemberRecord>> HouseholdAsync(long householdId, CancellationToken ct)
    {
        var rows = await db.Residents.AsNoTracking().Where(r => r.HouseholdId == householdId)
            .Select(r => new { r.Id, r.RelationToHead, r.NameKo, r.NameEn, r.BirthDate, r.MovedInOn }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.RelationToHead == HouseholdRelation.Head ? 0 : 1).ThenBy(r => r.BirthDate).ThenBy(r => r.Id)
            .Select(r => new HouseholdMemberRecord(r.RelationToHead.ToString().ToLowerInvariant(), r.NameKo, r.NameEn, r.BirthDate, r.MovedInOn))];
    }

    private async Task<IncomeRecord?> IncomeAsync(long householdId, CancellationToken ct) =>
        await db.Incomes.AsNoTracking().Where(i => i.HouseholdId == householdId).OrderByDescending(i => i.AssessedOn)
            .Select(i => new IncomeRecord(i.MonthlyRecognisedIncome, i.AssessedOn)).FirstOrDefaultAsync(ct);

    private async Task<HealthInsuranceRecord?> HealthInsuranceAsync(long residentId, CancellationToken ct) =>
        await db.HealthInsurance.AsNoTracking().FirstOrDefaultAsync(h => h.ResidentId == residentId, ct) is { } h
            ? new HealthInsuranceRecord(InsuranceCode(h.Status), h.Since)
            : null;

    private async Task<DisabilityRecord?> DisabilityAsync(long residentId, CancellationToken ct) =>
        await db.Disabilities.AsNoTracking().FirstOrDefaultAsync(d => d.ResidentId == residentId, ct) is { } d
            ? new DisabilityRecord(d.Degree == DisabilityDegree.Severe ? "severe" : "mild", d.RegisteredOn)
            : null;

    private async Task<IReadOnlyList<BusinessRecord>> BusinessesAsync(long residentId, CancellationToken ct)
    {
        var rows = await (
            from b in db.Businesses.AsNoTracking()
            where b.OwnerResidentId == residentId
            join a in db.Addresses.AsNoTracking() on b.AddressId equals a.Id
            select new { b.RegistrationNumber, b.NameKo, b.Industry, b.OpenedOn, a.RoadAddressKo, a.RoadAddressEn }).ToListAsync(ct);
        return [.. rows.OrderBy(b => b.OpenedOn).ThenBy(b => b.RegistrationNumber, StringComparer.Ordinal)
            .Select(b => new BusinessRecord(b.RegistrationNumber, b.NameKo, b.Industry, b.OpenedOn, b.RoadAddressKo, b.RoadAddressEn))];
    }

    private async Task<IReadOnlyList<GraduationRecord>> GraduationsAsync(long residentId, CancellationToken ct)
    {
        var rows = await db.Graduations.AsNoTracking().Where(g => g.ResidentId == residentId).ToListAsync(ct);
        return [.. rows.OrderBy(g => g.GraduatedOn).Select(g => new GraduationRecord(g.SchoolNameKo, g.SchoolNameEn, g.Level.ToString().ToLowerInvariant(), g.GraduatedOn))];
    }

    private static string InsuranceCode(InsuranceStatus s) => s switch
    {
        InsuranceStatus.EmployeeInsured => "employee-insured",
        InsuranceStatus.RegionalInsured => "regional-insured",
        InsuranceStatus.Dependent => "dependent",
        InsuranceStatus.MedicalAidType1 => "medical-aid-1",
        _ => "medical-aid-2",
    };
}
