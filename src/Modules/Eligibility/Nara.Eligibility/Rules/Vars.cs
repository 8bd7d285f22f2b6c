using Nara.Eligibility.Engine;
using ValueType = Nara.Eligibility.Engine.ValueType;

namespace Nara.Eligibility.Rules;

/// <summary>Short builders so each rule file reads like the law it encodes.</summary>
internal static class Vars
{
    public static Variable Input(string name, ValueType type, EntityType entity, PeriodUnit period, string ko, string en, bool absentIsDefault = false) => new()
    {
        Name = name, ValueType = type, Entity = entity, DefinitionPeriod = period, LabelKo = ko, LabelEn = en, AbsentIsDefault = absentIsDefault,
    };

    /// <param name="since">The day the programme (or this version of the formula) took effect.</param>
    public static Variable Computed(
        string name, ValueType type, EntityType entity, string ko, string en, LegalReference? reference, DateOnly since,
        string summary, Formula formula, string? serviceSlug = null) => new()
    {
        Name = name, ValueType = type, Entity = entity, DefinitionPeriod = PeriodUnit.Month, LabelKo = ko, LabelEn = en,
        Reference = reference, Formulas = [new DatedFormula(since, formula, summary)], ServiceSlug = serviceSlug,
    };

    /// <summary>The amount of a benefit: the amount formula when eligible, 0 when not, unknown when unknown.</summary>
    public static object? WhenEligible(Calc calc, string eligible, Func<long?> amount) =>
        calc.Get<bool>(eligible) switch
        {
            true => amount(),
            false => 0L,
            null => null,
        };
}

/// <summary>The acts the benefits rest on, as cited in variables' references.</summary>
internal static class Laws
{
    public static readonly LegalReference ChildAllowanceAct = new("아동수당법", "https://www.law.go.kr/법령/아동수당법");
    public static readonly LegalReference ParentalBenefit = new("아동수당법 시행령", "https://www.law.go.kr/법령/아동수당법시행령");
    public static readonly LegalReference FirstMeeting = new("첫만남이용권 사업지침", "https://www.law.go.kr/법령/저출산ㆍ고령사회기본법");
    public static readonly LegalReference ChildCareAct = new("영유아보육법 제34조의2", "https://www.law.go.kr/법령/영유아보육법/제34조의2");
    public static readonly LegalReference BasicPension = new("기초연금법", "https://www.law.go.kr/법령/기초연금법");
    public static readonly LegalReference Livelihood = new("국민기초생활 보장법 제8조", "https://www.law.go.kr/법령/국민기초생활보장법/제8조");
    public static readonly LegalReference Housing = new("주거급여법", "https://www.law.go.kr/법령/주거급여법");
    public static readonly LegalReference YouthRent = new("청년기본법", "https://www.law.go.kr/법령/청년기본법");
    public static readonly LegalReference Employment = new("구직자 취업촉진 및 생활안정지원에 관한 법률", "https://www.law.go.kr/법령/구직자취업촉진및생활안정지원에관한법률");
    public static readonly LegalReference SingleParent = new("한부모가족지원법", "https://www.law.go.kr/법령/한부모가족지원법");
    public static readonly LegalReference DisabilityPension = new("장애인연금법", "https://www.law.go.kr/법령/장애인연금법");
    public static readonly LegalReference Energy = new("에너지법 제16조의3", "https://www.law.go.kr/법령/에너지법/제16조의3");
    public static readonly LegalReference ResidentRegistration = new("주민등록법", "https://www.law.go.kr/법령/주민등록법");
    public static readonly LegalReference MedianIncome = new("국민기초생활 보장법 제6조의2", "https://www.law.go.kr/법령/국민기초생활보장법/제6조의2");
}
