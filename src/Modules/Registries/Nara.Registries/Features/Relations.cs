using Nara.Registries.Domain;

namespace Nara.Registries.Features;

/// <summary>Words for registry codes, in both languages.</summary>
internal static class Relations
{
    public static string HouseholdKo(HouseholdRelation r) => r switch
    {
        HouseholdRelation.Head => "세대주",
        HouseholdRelation.Spouse => "배우자",
        HouseholdRelation.Child => "자녀",
        HouseholdRelation.Parent => "부모",
        HouseholdRelation.Grandchild => "손자녀",
        HouseholdRelation.Sibling => "형제자매",
        _ => "기타",
    };

    public static string HouseholdEn(HouseholdRelation r) => r switch
    {
        HouseholdRelation.Head => "Head of household",
        HouseholdRelation.Spouse => "Spouse",
        HouseholdRelation.Child => "Child",
        HouseholdRelation.Parent => "Parent",
        HouseholdRelation.Grandchild => "Grandchild",
        HouseholdRelation.Sibling => "Sibling",
        _ => "Other",
    };

    public static (string Ko, string En) Insurance(InsuranceStatus s) => s switch
    {
        InsuranceStatus.EmployeeInsured => ("직장가입자", "Employee insured"),
        InsuranceStatus.RegionalInsured => ("지역가입자", "Regional insured"),
        InsuranceStatus.Dependent => ("피부양자", "Dependant"),
        InsuranceStatus.MedicalAidType1 => ("의료급여 1종", "Medical aid, type 1"),
        _ => ("의료급여 2종", "Medical aid, type 2"),
    };

    public static (string Ko, string En) Disability(DisabilityDegree d) =>
        d == DisabilityDegree.Severe ? ("심한 장애", "Severe") : ("심하지 않은 장애", "Mild");
}
