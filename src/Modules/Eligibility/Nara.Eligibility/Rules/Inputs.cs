using Nara.Eligibility.Engine;
using static Nara.Eligibility.Engine.Entities;
using ValueType = Nara.Eligibility.Engine.ValueType;

namespace Nara.Eligibility.Rules;

/// <summary>The inputs of the Nara vocabulary (facts-korea.md, "Eligibility model vocabulary").</summary>
internal static class Inputs
{
    public static IEnumerable<Variable> All() =>
    [
        Vars.Input("birth", ValueType.Date, Person, PeriodUnit.Eternity, "생년월일", "Date of birth"),
        Vars.Input("birth_order", ValueType.Int, Person, PeriodUnit.Eternity, "출생 순위 (어머니 기준)", "Birth order (1 for its mother's first child)"),
        Vars.Input("married", ValueType.Boolean, Person, PeriodUnit.Month, "혼인 여부", "Married"),
        Vars.Input("disability_severe", ValueType.Boolean, Person, PeriodUnit.Month, "심한 장애 여부", "Severe disability"),
        Vars.Input("registered_jobseeker", ValueType.Boolean, Person, PeriodUnit.Month, "구직 등록 여부", "Registered jobseeker"),
        Vars.Input("pays_rent", ValueType.Boolean, Person, PeriodUnit.Month, "월세 납부 여부", "Pays rent"),
        Vars.Input("in_daycare", ValueType.Boolean, Person, PeriodUnit.Month, "어린이집 이용 여부", "Enrolled in daycare"),
        Vars.Input("pregnant", ValueType.Boolean, Person, PeriodUnit.Month, "임신 여부", "Pregnant"),
        Vars.Input("recognised_income", ValueType.Int, Household, PeriodUnit.Month, "가구 소득인정액 (월)", "Household recognised income (KRW per month)"),
        Vars.Input("single_parent", ValueType.Boolean, Household, PeriodUnit.Month, "한부모가족 여부", "Single-parent household"),
        Vars.Input("receives_medical_benefit", ValueType.Boolean, Household, PeriodUnit.Month, "의료급여 수급 여부", "Receives medical benefit"),
        Vars.Input("receives_education_benefit", ValueType.Boolean, Household, PeriodUnit.Month, "교육급여 수급 여부", "Receives education benefit"),

        // Beyond the vocabulary (README, "Maxima"): the administration's record of months already paid, 0 when not given,
        // so a situation in the vocabulary's terms gets the vocabulary's answer.
        Vars.Input("youth_rent_support_months_received", ValueType.Int, Person, PeriodUnit.Month,
            "청년월세 지원을 이미 받은 개월 수 (이번 달 전까지)", "Months of youth rent support already paid (before this month)", absentIsDefault: true),
        Vars.Input("employment_support_months_received", ValueType.Int, Person, PeriodUnit.Month,
            "구직촉진수당을 이미 받은 개월 수 (이번 달 전까지)", "Months of jobseeking allowance already paid (before this month)", absentIsDefault: true),
    ];
}
