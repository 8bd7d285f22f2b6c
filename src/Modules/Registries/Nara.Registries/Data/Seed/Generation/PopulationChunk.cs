using Nara.Registries.Domain;

namespace Nara.Registries.Data.Seed.Generation;

/// <summary>A batch of whole households with every record that hangs off them, written parents first.</summary>
internal sealed class PopulationChunk
{
    /// <summary>The chunk's own counters and number keys, until <see cref="PopulationStitcher"/> has placed it.</summary>
    public Identifiers? Ids { get; set; }

    public List<Address> Addresses { get; } = [];

    public List<Household> Households { get; } = [];

    public List<Resident> Residents { get; } = [];

    public List<FamilyRelation> FamilyRelations { get; } = [];

    public List<IncomeAssessment> Incomes { get; } = [];

    public List<Tenancy> Tenancies { get; } = [];

    public List<HealthInsurance> HealthInsurance { get; } = [];

    public List<Disability> Disabilities { get; } = [];

    public List<JobseekerRegistration> Jobseekers { get; } = [];

    public List<DaycareEnrolment> Daycare { get; } = [];

    public List<Vehicle> Vehicles { get; } = [];

    public List<DriverLicence> DriverLicences { get; } = [];

    public List<Passport> Passports { get; } = [];

    public List<Business> Businesses { get; } = [];

    /// <summary>Only the demo personas have graduations; generated chunks leave this empty.</summary>
    public List<SchoolGraduation> Graduations { get; } = [];
}
