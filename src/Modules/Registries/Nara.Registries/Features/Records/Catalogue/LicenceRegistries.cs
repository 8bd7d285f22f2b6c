using Microsoft.EntityFrameworkCore;
using Nara.Registries.Data;
using Nara.Registries.Domain;

namespace Nara.Registries.Features.Records.Catalogue;

internal sealed class VehiclesRegistry : RegistryAdapter<Vehicle>
{
    public override string Name => "vehicles";

    public override string OwnerAgency => "MOLIT";

    public override string TitleKo => "자동차 등록원부";

    public override string TitleEn => "Motor vehicle register";

    public override IReadOnlyList<RegistryField> Fields { get; } =
    [
        F(x => x.Id, "Registry-assigned vehicle id.", key: true, generated: true),
        F(x => x.PlateNumber, "Registration plate, e.g. 12가3456.", maxLength: 20, unique: true),
        F(x => x.OwnerResidentId, "The registered owner.", references: "residents", subject: true),
        F(x => x.Model, "Make and model.", maxLength: 60),
        F(x => x.FirstRegisteredOn, "Date of first registration."),
        F(x => x.LastInspectionOn, "Date of the last periodic inspection, if any."),
    ];

    protected override DbSet<Vehicle> Set(RegistriesDbContext db) => db.Vehicles;
}

internal sealed class DriverLicencesRegistry : RegistryAdapter<DriverLicence>
{
    public override string Name => "driver-licences";

    public override string OwnerAgency => "KoROAD";

    public override string TitleKo => "운전면허";

    public override string TitleEn => "Driver licences";

    public override IReadOnlyList<RegistryField> Fields { get; } =
    [
        F(x => x.ResidentId, "The licence holder.", key: true, references: "residents", subject: true),
        F(x => x.LicenceNumber, "Licence number.", maxLength: 20, unique: true),
        F(x => x.Class, "Licence class, e.g. 1종 보통.", maxLength: 20),
        F(x => x.IssuedOn, "Date of issue."),
        F(x => x.RenewalDueOn, "Date the licence must be renewed."),
    ];

    protected override DbSet<DriverLicence> Set(RegistriesDbContext db) => db.DriverLicences;
}

internal sealed class PassportsRegistry : RegistryAdapter<Passport>
{
    public override string Name => "passports";

    public override string OwnerAgency => "MOFA";

    public override string TitleKo => "여권";

    public override string TitleEn => "Passports";

    public override IReadOnlyList<RegistryField> Fields { get; } =
    [
        F(x => x.ResidentId, "The passport holder.", key: true, references: "residents", subject: true),
        F(x => x.PassportNumber, "Passport number.", maxLength: 12, unique: true),
        F(x => x.IssuedOn, "Date of issue."),
        F(x => x.ExpiresOn, "Date of expiry."),
    ];

    protected override DbSet<Passport> Set(RegistriesDbContext db) => db.Passports;
}

internal sealed class BusinessesRegistry : RegistryAdapter<Business>
{
    public override string Name => "businesses";

    public override string OwnerAgency => "NTS";

    public override string TitleKo => "사업자등록";

    public override string TitleEn => "Business registrations";

    public override IReadOnlyList<RegistryField> Fields { get; } =
    [
        F(x => x.Id, "Registry-assigned business id.", key: true, generated: true),
        F(x => x.RegistrationNumber, "사업자등록번호 NNN-NN-NNNNN with its check digit.", maxLength: 12, unique: true, check: Checks.BusinessNumber),
        F(x => x.NameKo, "Trade name.", maxLength: 100),
        F(x => x.OwnerResidentId, "The owner.", references: "residents", subject: true),
        F(x => x.AddressId, "Place of business.", references: "addresses"),
        F(x => x.Industry, "Industry.", maxLength: 60),
        F(x => x.OpenedOn, "Date of opening."),
    ];

    protected override DbSet<Business> Set(RegistriesDbContext db) => db.Businesses;
}
