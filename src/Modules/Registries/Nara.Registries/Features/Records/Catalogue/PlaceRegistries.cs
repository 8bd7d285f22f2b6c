using Microsoft.EntityFrameworkCore;
using Nara.Registries.Data;
using Nara.Registries.Domain;

namespace Nara.Registries.Features.Records.Catalogue;

internal sealed class AddressesRegistry : RegistryAdapter<Address>
{
    public override string Name => "addresses";

    public override string OwnerAgency => "MOIS";

    public override string TitleKo => "도로명주소";

    public override string TitleEn => "Road-name addresses";

    public override IReadOnlyList<RegistryField> Fields { get; } =
    [
        F(x => x.Id, "Registry-assigned address id.", key: true, generated: true),
        F(x => x.DivisionCode, "10-digit code of the 읍면동 (or 시군구).", maxLength: 10, references: "admin-divisions", check: Checks.DivisionCode),
        F(x => x.RoadAddressKo, "Road-name address in Korean.", maxLength: 200),
        F(x => x.RoadAddressEn, "Road-name address in English.", maxLength: 250),
        F(x => x.PostalCode, "5-digit postal code.", maxLength: 5, check: Checks.PostalCode),
        F(x => x.Latitude, "WGS84 latitude."),
        F(x => x.Longitude, "WGS84 longitude."),
    ];

    protected override DbSet<Address> Set(RegistriesDbContext db) => db.Addresses;
}

internal sealed class AdminDivisionsRegistry : RegistryAdapter<AdminDivision>
{
    public override string Name => "admin-divisions";

    public override string OwnerAgency => "MOIS";

    public override string TitleKo => "행정구역";

    public override string TitleEn => "Administrative divisions";

    public override IReadOnlyList<RegistryField> Fields { get; } =
    [
        F(x => x.Code, "10-digit administrative code (행정표준코드).", key: true, maxLength: 10, check: Checks.DivisionCode),
        F(x => x.Level, "Sido, Sigungu or Eupmyeondong."),
        F(x => x.ParentCode, "Code of the enclosing division.", maxLength: 10, references: "admin-divisions", check: Checks.DivisionCode),
        F(x => x.NameKo, "Name in Korean.", maxLength: 50),
        F(x => x.NameEn, "Name in English.", maxLength: 80),
        F(x => x.Latitude, "Representative WGS84 latitude."),
        F(x => x.Longitude, "Representative WGS84 longitude."),
    ];

    protected override DbSet<AdminDivision> Set(RegistriesDbContext db) => db.Divisions;
}
