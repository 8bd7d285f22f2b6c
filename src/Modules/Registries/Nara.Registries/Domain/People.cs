namespace Nara.Registries.Domain;

/// <summary>Resident registration (주민등록), owned by MOIS; foreign residents (외국인등록) by MOJ, kept alongside.</summary>
internal sealed class Resident
{
    public long Id { get; set; }

    /// <summary>주민등록번호 or 외국인등록번호, "YYMMDD-NNNNNNN" with a valid check digit.</summary>
    public required string ResidentNumber { get; set; }

    public required string NameKo { get; set; }

    public required string NameEn { get; set; }

    public DateOnly BirthDate { get; set; }

    public Sex Sex { get; set; }

    /// <summary>ISO 3166-1 alpha-3, "KOR" for citizens.</summary>
    public required string Nationality { get; set; }

    public long AddressId { get; set; }

    public long HouseholdId { get; set; }

    public HouseholdRelation RelationToHead { get; set; }

    public DateOnly MovedInOn { get; set; }
}

/// <summary>A registered household (세대) at one address.</summary>
internal sealed class Household
{
    public long Id { get; set; }

    public long AddressId { get; set; }

    public long HeadResidentId { get; set; }

    public int MemberCount { get; set; }

    /// <summary>한부모가족 designation (MOGEF), recorded on the household.</summary>
    public bool SingleParent { get; set; }
}

/// <summary>Family relation register (가족관계등록): "resident's Kind is RelatedResident".</summary>
internal sealed class FamilyRelation
{
    public long ResidentId { get; set; }

    public long RelatedResidentId { get; set; }

    public FamilyRelationKind Kind { get; set; }
}
