using Microsoft.EntityFrameworkCore;
using Nara.Registries.Data;
using Nara.Registries.Domain;

namespace Nara.Registries.Features.Records.Catalogue;

internal sealed class IncomesRegistry : RegistryAdapter<IncomeAssessment>
{
    public override string Name => "incomes";

    public override string OwnerAgency => "MOHW";

    public override string TitleKo => "소득인정액";

    public override string TitleEn => "Recognised household income";

    public override IReadOnlyList<RegistryField> Fields { get; } =
    [
        F(x => x.HouseholdId, "The household assessed.", key: true, references: "households"),
        F(x => x.MonthlyRecognisedIncome, "Monthly recognised income in KRW.", minimum: 0),
        F(x => x.AssessedOn, "Date of the assessment."),
    ];

    protected override DbSet<IncomeAssessment> Set(RegistriesDbContext db) => db.Incomes;
}

internal sealed class HealthInsuranceRegistry : RegistryAdapter<HealthInsurance>
{
    public override string Name => "health-insurance";

    public override string OwnerAgency => "NHIS";

    public override string TitleKo => "건강보험 자격";

    public override string TitleEn => "Health insurance eligibility";

    public override IReadOnlyList<RegistryField> Fields { get; } =
    [
        F(x => x.ResidentId, "The insured resident.", key: true, references: "residents", subject: true),
        F(x => x.Status, "EmployeeInsured, RegionalInsured, Dependent, MedicalAidType1 or MedicalAidType2."),
        F(x => x.Since, "Start of the current status."),
    ];

    protected override DbSet<HealthInsurance> Set(RegistriesDbContext db) => db.HealthInsurance;
}

internal sealed class DisabilitiesRegistry : RegistryAdapter<Disability>
{
    public override string Name => "disabilities";

    public override string OwnerAgency => "MOHW";

    public override string TitleKo => "장애인 등록";

    public override string TitleEn => "Registered disability";

    public override IReadOnlyList<RegistryField> Fields { get; } =
    [
        F(x => x.ResidentId, "The registered resident.", key: true, references: "residents", subject: true),
        F(x => x.Degree, "Severe or Mild."),
        F(x => x.RegisteredOn, "Date of registration."),
    ];

    protected override DbSet<Disability> Set(RegistriesDbContext db) => db.Disabilities;
}

internal sealed class JobseekersRegistry : RegistryAdapter<JobseekerRegistration>
{
    public override string Name => "jobseekers";

    public override string OwnerAgency => "MOEL";

    public override string TitleKo => "구직 등록";

    public override string TitleEn => "Registered jobseekers";

    public override IReadOnlyList<RegistryField> Fields { get; } =
    [
        F(x => x.ResidentId, "The jobseeker.", key: true, references: "residents", subject: true),
        F(x => x.RegisteredOn, "Date of registration at a public employment centre."),
    ];

    protected override DbSet<JobseekerRegistration> Set(RegistriesDbContext db) => db.Jobseekers;
}

internal sealed class TenanciesRegistry : RegistryAdapter<Tenancy>
{
    public override string Name => "tenancies";

    public override string OwnerAgency => "MOLIT";

    public override string TitleKo => "전월세 신고";

    public override string TitleEn => "Reported tenancies";

    public override IReadOnlyList<RegistryField> Fields { get; } =
    [
        F(x => x.HouseholdId, "The renting household.", key: true, references: "households"),
        F(x => x.MonthlyRent, "Monthly rent in KRW.", minimum: 0),
        F(x => x.Deposit, "Deposit in KRW.", minimum: 0),
        F(x => x.Since, "Start of the lease."),
    ];

    protected override DbSet<Tenancy> Set(RegistriesDbContext db) => db.Tenancies;
}

internal sealed class DaycareEnrolmentsRegistry : RegistryAdapter<DaycareEnrolment>
{
    public override string Name => "daycare-enrolments";

    public override string OwnerAgency => "MOHW";

    public override string TitleKo => "어린이집 재원";

    public override string TitleEn => "Daycare enrolments";

    public override IReadOnlyList<RegistryField> Fields { get; } =
    [
        F(x => x.ResidentId, "The enrolled child.", key: true, references: "residents", subject: true),
        F(x => x.FacilityName, "Name of the daycare centre.", maxLength: 100),
        F(x => x.Since, "Date of enrolment."),
    ];

    protected override DbSet<DaycareEnrolment> Set(RegistriesDbContext db) => db.DaycareEnrolments;
}
