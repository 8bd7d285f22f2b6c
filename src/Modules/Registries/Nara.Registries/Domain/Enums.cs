namespace Nara.Registries.Domain;

public enum DivisionLevel
{
    Sido = 1,
    Sigungu = 2,
    Eupmyeondong = 3,
}

public enum Sex
{
    Male = 1,
    Female = 2,
}

/// <summary>Relation to the head of household as written on the resident registration (세대주와의 관계).</summary>
public enum HouseholdRelation
{
    Head = 1,
    Spouse = 2,
    Child = 3,
    Parent = 4,
    Grandchild = 5,
    Sibling = 6,
    Other = 9,
}

/// <summary>Family-relation register entries: a row says "resident's {Kind} is related resident".</summary>
public enum FamilyRelationKind
{
    Parent = 1,
    Spouse = 2,
}

public enum InsuranceStatus
{
    EmployeeInsured = 1,
    RegionalInsured = 2,
    Dependent = 3,
    MedicalAidType1 = 4,
    MedicalAidType2 = 5,
}

public enum DisabilityDegree
{
    Severe = 1,
    Mild = 2,
}

public enum AgencyKind
{
    CentralMinistry = 1,
    LocalGovernment = 2,
    PublicInstitution = 3,
}
