using System.Globalization;
using Nara.Consent.Contracts;
using Nara.Kernel.Time;
using static Nara.Kernel.Localization.Bilingual;

namespace Nara.Consent.Features;

/// <summary>Words of the dashboard in the reader's language.</summary>
internal static class ConsentTexts
{
    private static readonly Dictionary<string, (string Ko, string En)> Agencies = new(StringComparer.Ordinal)
    {
        ["MOIS"] = ("행정안전부", "Ministry of the Interior and Safety"),
        ["MOHW"] = ("보건복지부", "Ministry of Health and Welfare"),
        ["MOLIT"] = ("국토교통부", "Ministry of Land, Infrastructure and Transport"),
        ["MOEL"] = ("고용노동부", "Ministry of Employment and Labor"),
        ["MOGEF"] = ("여성가족부", "Ministry of Gender Equality and Family"),
        ["MOE"] = ("교육부", "Ministry of Education"),
        ["NTS"] = ("국세청", "National Tax Service"),
        ["NHIS"] = ("국민건강보험공단", "National Health Insurance Service"),
        ["LOCAL"] = ("지방자치단체", "Local governments"),
    };

    public static string Agency(string code) => Agencies.TryGetValue(code, out var n) ? L(n.Ko, n.En) : code;

    public static string LawfulBasis(string basis) => basis switch
    {
        "consent" => L("정보주체의 동의", "Your consent"),
        "legal_obligation" => L("법적 의무", "Legal obligation"),
        "contract" => L("계약 이행", "Contract"),
        "vital_interest" => L("생명·신체의 보호", "Vital interest"),
        "public_task" => L("공공기관의 업무 수행", "Public task"),
        "legitimate_interest" => L("정당한 이익", "Legitimate interest"),
        _ => basis,
    };

    public static string Delivery(string delivery, int? intervalDays) => delivery == ConsentDelivery.Periodic
        ? L($"정기 제공 ({intervalDays}일마다)", $"Periodic (every {intervalDays} days)")
        : L("1회 제공", "Once");

    public static string Time(DateTimeOffset? utc) => utc is { } t
        ? KoreaTime.ToSeoul(t).ToString(IsEnglish ? "d MMM yyyy HH:mm" : "yyyy년 M월 d일 HH:mm", IsEnglish ? CultureInfo.GetCultureInfo("en") : CultureInfo.GetCultureInfo("ko"))
        : "";
}
