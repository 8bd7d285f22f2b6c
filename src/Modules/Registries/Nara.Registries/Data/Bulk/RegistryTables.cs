using Nara.Registries.Domain;

namespace Nara.Registries.Data.Bulk;

/// <summary>
/// Column lists of the registry tables, matching the EF model (see Configurations/). Kept by hand because
/// bulk loading bypasses EF; the seeding tests read the rows back through EF, so a drift shows up there.
/// </summary>
internal static class RegistryTables
{
    public static readonly BulkTable<AdminDivision> Divisions = new("registries_divisions", ["Code", "Level", "ParentCode", "NameKo", "NameEn", "Latitude", "Longitude"],
        (s, x) => { s.Text(x.Code); s.Int32((int)x.Level); s.NullableText(x.ParentCode); s.Text(x.NameKo); s.Text(x.NameEn); s.Double(x.Latitude); s.Double(x.Longitude); });

    public static readonly BulkTable<Agency> Agencies = new("registries_agencies", ["Code", "NameKo", "NameEn", "Kind", "DivisionCode"],
        (s, x) => { s.Text(x.Code); s.Text(x.NameKo); s.Text(x.NameEn); s.Int32((int)x.Kind); s.NullableText(x.DivisionCode); });

    public static readonly BulkTable<Address> Addresses = new("registries_addresses", ["Id", "DivisionCode", "RoadAddressKo", "RoadAddressEn", "PostalCode", "Latitude", "Longitude"],
        (s, x) => { s.Int64(x.Id); s.Text(x.DivisionCode); s.Text(x.RoadAddressKo); s.Text(x.RoadAddressEn); s.Text(x.PostalCode); s.Double(x.Latitude); s.Double(x.Longitude); });

    public static readonly BulkTable<Household> Households = new("registries_households", ["Id", "AddressId", "HeadResidentId", "MemberCount", "SingleParent"],
        (s, x) => { s.Int64(x.Id); s.Int64(x.AddressId); s.Int64(x.HeadResidentId); s.Int32(x.MemberCount); s.Boolean(x.SingleParent); });

    public static readonly BulkTable<Resident> Residents = new("registries_residents",
        ["Id", "ResidentNumber", "NameKo", "NameEn", "BirthDate", "Sex", "Nationality", "AddressId", "HouseholdId", "RelationToHead", "MovedInOn"],
        (s, x) =>
        {
            s.Int64(x.Id); s.Text(x.ResidentNumber); s.Text(x.NameKo); s.Text(x.NameEn); s.Date(x.BirthDate); s.Int32((int)x.Sex);
            s.Text(x.Nationality); s.Int64(x.AddressId); s.Int64(x.HouseholdId); s.Int32((int)x.RelationToHead); s.Date(x.MovedInOn);
        });

    public static readonly BulkTable<FamilyRelation> FamilyRelations = new("registries_family_relations", ["ResidentId", "RelatedResidentId", "Kind"],
        (s, x) => { s.Int64(x.ResidentId); s.Int64(x.RelatedResidentId); s.Int32((int)x.Kind); });

    public static readonly BulkTable<IncomeAssessment> Incomes = new("registries_incomes", ["HouseholdId", "MonthlyRecognisedIncome", "AssessedOn"],
        (s, x) => { s.Int64(x.HouseholdId); s.Int64(x.MonthlyRecognisedIncome); s.Date(x.AssessedOn); });

    public static readonly BulkTable<Tenancy> Tenancies = new("registries_tenancies", ["HouseholdId", "MonthlyRent", "Deposit", "Since"],
        (s, x) => { s.Int64(x.HouseholdId); s.Int64(x.MonthlyRent); s.Int64(x.Deposit); s.Date(x.Since); });

    public static readonly BulkTable<HealthInsurance> HealthInsurance = new("registries_health_insurance", ["ResidentId", "Status", "Since"],
        (s, x) => { s.Int64(x.ResidentId); s.Int32((int)x.Status); s.Date(x.Since); });

    public static readonly BulkTable<Disability> Disabilities = new("registries_disabilities", ["ResidentId", "Degree", "RegisteredOn"],
        (s, x) => { s.Int64(x.ResidentId); s.Int32((int)x.Degree); s.Date(x.RegisteredOn); });

    public static readonly BulkTable<JobseekerRegistration> Jobseekers = new("registries_jobseekers", ["ResidentId", "RegisteredOn"],
        (s, x) => { s.Int64(x.ResidentId); s.Date(x.RegisteredOn); });

    public static readonly BulkTable<DaycareEnrolment> Daycare = new("registries_daycare_enrolments", ["ResidentId", "FacilityName", "Since"],
        (s, x) => { s.Int64(x.ResidentId); s.Text(x.FacilityName); s.Date(x.Since); });

    public static readonly BulkTable<Vehicle> Vehicles = new("registries_vehicles", ["Id", "PlateNumber", "OwnerResidentId", "Model", "FirstRegisteredOn", "LastInspectionOn"],
        (s, x) => { s.Int64(x.Id); s.Text(x.PlateNumber); s.Int64(x.OwnerResidentId); s.Text(x.Model); s.Date(x.FirstRegisteredOn); s.NullableDate(x.LastInspectionOn); });

    public static readonly BulkTable<DriverLicence> DriverLicences = new("registries_driver_licences", ["ResidentId", "LicenceNumber", "Class", "IssuedOn", "RenewalDueOn"],
        (s, x) => { s.Int64(x.ResidentId); s.Text(x.LicenceNumber); s.Text(x.Class); s.Date(x.IssuedOn); s.Date(x.RenewalDueOn); });

    public static readonly BulkTable<Passport> Passports = new("registries_passports", ["ResidentId", "PassportNumber", "IssuedOn", "ExpiresOn"],
        (s, x) => { s.Int64(x.ResidentId); s.Text(x.PassportNumber); s.Date(x.IssuedOn); s.Date(x.ExpiresOn); });

    public static readonly BulkTable<Business> Businesses = new("registries_businesses", ["Id", "RegistrationNumber", "NameKo", "OwnerResidentId", "AddressId", "Industry", "OpenedOn"],
        (s, x) => { s.Int64(x.Id); s.Text(x.RegistrationNumber); s.Text(x.NameKo); s.Int64(x.OwnerResidentId); s.Int64(x.AddressId); s.Text(x.Industry); s.Date(x.OpenedOn); });

    public static readonly BulkTable<SchoolGraduation> Graduations = new("registries_school_graduations", ["Id", "ResidentId", "SchoolNameKo", "SchoolNameEn", "Level", "GraduatedOn"],
        (s, x) => { s.Int64(x.Id); s.Int64(x.ResidentId); s.Text(x.SchoolNameKo); s.Text(x.SchoolNameEn); s.Int32((int)x.Level); s.Date(x.GraduatedOn); });

    /// <summary>Every registry table, children before parents (the order to empty them in).</summary>
    public static readonly string[] ChildrenFirst =
    [
        Graduations.Name, Businesses.Name, Passports.Name, DriverLicences.Name, Vehicles.Name, Daycare.Name, Jobseekers.Name, Disabilities.Name,
        HealthInsurance.Name, Tenancies.Name, Incomes.Name, FamilyRelations.Name, Residents.Name, Households.Name, Addresses.Name,
        Agencies.Name, Divisions.Name,
    ];

    /// <summary>Tables whose ids come from an identity column (PostgreSQL) or AUTOINCREMENT (SQLite).</summary>
    public static readonly string[] WithIdentity = [Addresses.Name, Households.Name, Residents.Name, Vehicles.Name, Businesses.Name, Graduations.Name];

    /// <summary>Writes a chunk parents first, so that foreign keys hold after every statement.</summary>
    public static async Task WriteChunkAsync(IRegistryBulkWriter writer, Seed.Generation.PopulationChunk c, CancellationToken ct)
    {
        await writer.WriteAsync(Addresses, c.Addresses, ct);
        await writer.WriteAsync(Households, c.Households, ct);
        await writer.WriteAsync(Residents, c.Residents, ct);
        await writer.WriteAsync(FamilyRelations, c.FamilyRelations, ct);
        await writer.WriteAsync(Incomes, c.Incomes, ct);
        await writer.WriteAsync(Tenancies, c.Tenancies, ct);
        await writer.WriteAsync(HealthInsurance, c.HealthInsurance, ct);
        await writer.WriteAsync(Disabilities, c.Disabilities, ct);
        await writer.WriteAsync(Jobseekers, c.Jobseekers, ct);
        await writer.WriteAsync(Daycare, c.Daycare, ct);
        await writer.WriteAsync(Vehicles, c.Vehicles, ct);
        await writer.WriteAsync(DriverLicences, c.DriverLicences, ct);
        await writer.WriteAsync(Passports, c.Passports, ct);
        await writer.WriteAsync(Businesses, c.Businesses, ct);
        await writer.WriteAsync(Graduations, c.Graduations, ct);
    }
}
