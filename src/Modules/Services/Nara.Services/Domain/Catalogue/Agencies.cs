namespace Nara.Services.Domain.Catalogue;

/// <summary>
/// Owning agencies by the code catalogue files use. Names follow the agencies' own English names.
/// A code missing here is shown as the code itself (and fails the catalogue test), never an error page.
/// </summary>
public static class Agencies
{
    public static readonly IReadOnlyList<(string Code, LocalText Name)> All =
    [
        ("MOHW", new("보건복지부", "Ministry of Health and Welfare")),
        ("MOIS", new("행정안전부", "Ministry of the Interior and Safety")),
        ("MOLIT", new("국토교통부", "Ministry of Land, Infrastructure and Transport")),
        ("MOTIE", new("산업통상자원부", "Ministry of Trade, Industry and Energy")),
        ("MOEL", new("고용노동부", "Ministry of Employment and Labor")),
        ("MOGEF", new("여성가족부", "Ministry of Gender Equality and Family")),
        ("MOE", new("교육부", "Ministry of Education")),
        ("MOFA", new("외교부", "Ministry of Foreign Affairs")),
        ("MOJ", new("법무부", "Ministry of Justice")),
        ("MAFRA", new("농림축산식품부", "Ministry of Agriculture, Food and Rural Affairs")),
        ("MSS", new("중소벤처기업부", "Ministry of SMEs and Startups")),
        ("NTS", new("국세청", "National Tax Service")),
        ("FSS", new("금융감독원", "Financial Supervisory Service")),
        ("NHIS", new("국민건강보험공단", "National Health Insurance Service")),
        ("SCOURT", new("대법원", "Supreme Court")),
        ("KNPA", new("경찰청", "Korean National Police Agency")),
        ("MMA", new("병무청", "Military Manpower Administration")),
        ("KIPO", new("특허청", "Korean Intellectual Property Office")),
        ("KCS", new("관세청", "Korea Customs Service")),
        ("PPS", new("조달청", "Public Procurement Service")),
        ("ACRC", new("국민권익위원회", "Anti-Corruption and Civil Rights Commission")),
        ("LOCAL", new("지방자치단체(시·군·구)", "Local government (city, county or district)")),
    ];

    public static LocalText? Find(string code) => All.FirstOrDefault(a => a.Code == code).Name;

    public static string NameOf(string code) => Find(code)?.Current ?? code;
}
