using Nara.Registries.Domain;

namespace Nara.Registries.Data.Seed.Generation;

/// <summary>The registry owners and employers of officials: central bodies, and one local government per 시군구.</summary>
internal static class AgencyCatalog
{
    public static List<Agency> Create(IEnumerable<AdminDivision> sigungu)
    {
        var list = new List<Agency>
        {
            Central("MOIS", "행정안전부", "Ministry of the Interior and Safety"),
            Central("MOHW", "보건복지부", "Ministry of Health and Welfare"),
            Central("MOEL", "고용노동부", "Ministry of Employment and Labor"),
            Central("MOLIT", "국토교통부", "Ministry of Land, Infrastructure and Transport"),
            Central("MOFA", "외교부", "Ministry of Foreign Affairs"),
            Central("MOJ", "법무부", "Ministry of Justice"),
            Central("NTS", "국세청", "National Tax Service"),
            Central("MOGEF", "여성가족부", "Ministry of Gender Equality and Family"),
            Central("MOE", "교육부", "Ministry of Education"),
            new() { Code = "NHIS", NameKo = "국민건강보험공단", NameEn = "National Health Insurance Service", Kind = AgencyKind.PublicInstitution },
            new() { Code = "KoROAD", NameKo = "도로교통공단", NameEn = "Korea Road Traffic Authority", Kind = AgencyKind.PublicInstitution },
        };
        foreach (var s in sigungu)
        {
            var (ko, en) = s.NameKo[^1] switch
            {
                '시' => (s.NameKo + "청", s.NameEn.Replace("-si", "", StringComparison.Ordinal) + " City Hall"),
                _ => (s.NameKo + "청", s.NameEn + " Office"),
            };
            list.Add(new Agency { Code = "LG" + s.Code, NameKo = ko, NameEn = en, Kind = AgencyKind.LocalGovernment, DivisionCode = s.Code });
        }

        return list;
    }

    private static Agency Central(string code, string ko, string en) =>
        new() { Code = code, NameKo = ko, NameEn = en, Kind = AgencyKind.CentralMinistry };
}
