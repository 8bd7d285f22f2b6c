using Microsoft.EntityFrameworkCore;
using Nara.Registries.Data;
using Nara.Registries.Domain;

namespace Nara.Registries.Features.Records.Catalogue;

internal sealed class ResidentsRegistry : RegistryAdapter<Resident>
{
    public override string Name => "residents";

    public override string OwnerAgency => "MOIS";

    public override string TitleKo => "주민등록";

    public override string TitleEn => "Resident registration";

    public override IReadOnlyList<RegistryField> Fields { get; } =
    [
        F(x => x.Id, "Registry-assigned resident id.", key: true, generated: true, subject: true),
        F(x => x.ResidentNumber, "주민등록번호 or 외국인등록번호, YYMMDD-NNNNNNN.", maxLength: 14, unique: true, check: Checks.ResidentNumber),
        F(x => x.NameKo, "Name in Korean.", maxLength: 50),
        F(x => x.NameEn, "Name in Latin letters.", maxLength: 100),
        F(x => x.BirthDate, "Date of birth."),
        F(x => x.Sex, "Male or Female."),
        F(x => x.Nationality, "ISO 3166-1 alpha-3, KOR for citizens.", maxLength: 3, check: Checks.Nationality),
        F(x => x.AddressId, "Registered address.", references: "addresses"),
        F(x => x.HouseholdId, "Household (세대).", references: "households"),
        F(x => x.RelationToHead, "Relation to the head of household."),
        F(x => x.MovedInOn, "Date of moving in (전입일)."),
    ];

    protected override DbSet<Resident> Set(RegistriesDbContext db) => db.Residents;
}

internal sealed class HouseholdsRegistry : RegistryAdapter<Household>
{
    public override string Name => "households";

    public override string OwnerAgency => "MOIS";

    public override string TitleKo => "세대";

    public override string TitleEn => "Households";

    // The head is not checked against the residents: a new household is registered before its members.
    public override IReadOnlyList<RegistryField> Fields { get; } =
    [
        F(x => x.Id, "Registry-assigned household id.", key: true, generated: true),
        F(x => x.AddressId, "Address of the household.", references: "addresses"),
        F(x => x.HeadResidentId, "Head of household (세대주).", minimum: 1, subject: true),
        F(x => x.MemberCount, "Number of members.", minimum: 0),
        F(x => x.SingleParent, "Designated single-parent family (한부모가족)."),
    ];

    protected override DbSet<Household> Set(RegistriesDbContext db) => db.Households;
}

internal sealed class FamilyRelationsRegistry : RegistryAdapter<FamilyRelation>
{
    public override string Name => "family-relations";

    public override string OwnerAgency => "MOIS";

    public override string TitleKo => "가족관계등록";

    public override string TitleEn => "Family relations";

    public override IReadOnlyList<RegistryField> Fields { get; } =
    [
        F(x => x.ResidentId, "The resident.", key: true, references: "residents", subject: true),
        F(x => x.Kind, "Parent or Spouse: the related resident is the resident's ….", key: true),
        F(x => x.RelatedResidentId, "The related resident.", key: true, references: "residents"),
    ];

    protected override DbSet<FamilyRelation> Set(RegistriesDbContext db) => db.FamilyRelations;
}
