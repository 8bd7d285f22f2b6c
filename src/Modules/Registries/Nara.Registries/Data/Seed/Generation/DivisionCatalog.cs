using System.Globalization;
using Nara.Registries.Domain;

namespace Nara.Registries.Data.Seed.Generation;

/// <summary>
/// The 17 시도 and their 시군구 from the embedded CSV (official codes), plus 읍면동 generated under every
/// lowest-level 시군구 with codes in the official shape (SSGGG + DDD + 00). The 읍면동 do not depend on the
/// population seed, so a neighbourhood code means the same place whichever population was generated.
/// </summary>
internal sealed class DivisionCatalog
{
    // Residents by 시도 in thousands (2025, rounded): where the synthetic households are placed.
    private static readonly Dictionary<string, double> SidoPopulation = new()
    {
        ["11"] = 9_330, ["26"] = 3_270, ["27"] = 2_360, ["28"] = 3_020, ["29"] = 1_410, ["30"] = 1_440, ["31"] = 1_100,
        ["36"] = 390, ["41"] = 13_690, ["43"] = 1_590, ["44"] = 2_130, ["46"] = 1_790, ["47"] = 2_540, ["48"] = 3_240,
        ["50"] = 670, ["51"] = 1_520, ["52"] = 1_740,
    };

    // First two digits of the postal codes of each 시도.
    private static readonly Dictionary<string, int> PostalPrefix = new()
    {
        ["11"] = 1, ["26"] = 46, ["27"] = 41, ["28"] = 21, ["29"] = 61, ["30"] = 34, ["31"] = 44, ["36"] = 30, ["41"] = 10,
        ["43"] = 27, ["44"] = 31, ["46"] = 57, ["47"] = 36, ["48"] = 50, ["50"] = 63, ["51"] = 24, ["52"] = 54,
    };

    private static readonly string[] Stems =
    [
        "청운", "효자", "삼성", "신사", "역삼", "논현", "대치", "도곡", "개포", "일원", "수서", "세곡", "상계", "중계", "하계", "공릉",
        "월계", "망원", "합정", "서교", "연남", "성산", "상암", "도화", "용강", "대흥", "염리", "신수", "아현", "공덕", "봉천", "신림",
        "남현", "장안", "송정", "구의", "자양", "화양", "중곡", "능동", "광장", "명륜", "혜화", "이화", "창신", "숭인", "평창", "부암",
        "사직", "교남", "가회", "무악", "금호", "옥수", "행당", "응봉", "왕십", "마장", "사근", "송도", "연수", "청학", "동춘", "매탄",
        "영통", "원천", "망포", "태평", "인계", "우만", "지동", "연무", "율천", "정자", "서둔", "구운", "금곡", "호매", "평동", "세류",
        "해운", "반여", "재송", "우동", "중동", "좌동", "송현", "덕천", "만덕", "화명", "금곡", "구포", "대연", "용호", "문현", "감만",
        "신흥", "도안", "관평", "노은", "진잠", "온천", "봉명", "갈마", "둔산", "월평", "탄방", "가양", "오정", "조치", "연기", "금남",
    ];

    private DivisionCatalog(List<AdminDivision> divisions, List<Leaf> leaves, List<Agency> agencies)
    {
        Divisions = divisions;
        Leaves = leaves;
        Agencies = agencies;
        Placement = new Weighted<Leaf>(leaves.Select(l => (l, l.Weight)));
        ByCode = divisions.ToDictionary(d => d.Code);
    }

    public IReadOnlyList<AdminDivision> Divisions { get; }

    public IReadOnlyList<Leaf> Leaves { get; }

    public IReadOnlyList<Agency> Agencies { get; }

    public IReadOnlyDictionary<string, AdminDivision> ByCode { get; }

    /// <summary>Where a household lives: 시군구 weighted by population, then a uniform 읍면동 in it.</summary>
    public Weighted<Leaf> Placement { get; }

    public Leaf Sigungu(string code) => Leaves.First(l => l.Sigungu.Code == code);

    public static DivisionCatalog Load()
    {
        var rows = ReadCsv();
        var sigungu = rows.Where(r => r.Level == DivisionLevel.Sigungu).ToList();
        var parents = sigungu.Select(s => s.ParentCode).ToHashSet();
        var leafRows = sigungu.Where(s => !parents.Contains(s.Code)).ToList();
        var random = new SeedRandom(0x5EED_D1F1);
        var divisions = new List<AdminDivision>(rows);
        var leaves = new List<Leaf>();
        foreach (var group in leafRows.GroupBy(l => l.Code[..2]))
        {
            var units = group.Select(l => l.NameKo.EndsWith('군') ? 0.3 : 1.0).ToList();
            var total = units.Sum();
            var prefix = PostalPrefix[group.Key];
            var index = 0;
            foreach (var row in group)
            {
                var neighbourhoods = Neighbourhoods(row, random);
                divisions.AddRange(neighbourhoods);
                var weight = SidoPopulation[group.Key] * units[index] / total;
                var postal = (prefix * 1000) + (index * 997 / group.Count());
                leaves.Add(new Leaf(row, neighbourhoods, FullName(rows, row), EnglishName(rows, row), weight, postal));
                index++;
            }
        }

        return new DivisionCatalog(divisions, leaves, AgencyCatalog.Create(sigungu));
    }

    private static List<AdminDivision> Neighbourhoods(AdminDivision sigungu, SeedRandom random)
    {
        var county = sigungu.NameKo.EndsWith('군');
        var city = sigungu.NameKo.EndsWith('시') && sigungu.Code[..2] != "36";
        var count = county ? random.Next(8, 13) : random.Next(10, 22);
        var list = new List<AdminDivision>(count);
        var used = new HashSet<string>();
        var next = new Dictionary<string, int> { ["읍"] = 250, ["면"] = 310, ["동"] = 510 };
        for (var i = 0; i < count; i++)
        {
            var suffix = county ? (i < 1 ? "읍" : "면") : city && i >= count - 3 ? (i == count - 3 ? "읍" : "면") : "동";
            string stem;
            do
            {
                stem = random.Pick(Stems);
                if (suffix == "동" && random.Chance(0.3))
                {
                    stem += random.Next(1, 4).ToString(CultureInfo.InvariantCulture);
                }
            }
            while (!used.Add(stem));

            var code = sigungu.Code[..5] + next[suffix].ToString("000", CultureInfo.InvariantCulture) + "00";
            next[suffix] += suffix == "동" ? 5 : 3;
            var english = suffix switch { "읍" => "-eup", "면" => "-myeon", _ => "-dong" };
            list.Add(new AdminDivision
            {
                Code = code,
                Level = DivisionLevel.Eupmyeondong,
                ParentCode = sigungu.Code,
                NameKo = stem + suffix,
                NameEn = Romanization.Place(stem) + english,
                Latitude = Math.Round(sigungu.Latitude + ((random.NextDouble() - 0.5) * 0.06), 5),
                Longitude = Math.Round(sigungu.Longitude + ((random.NextDouble() - 0.5) * 0.07), 5),
            });
        }

        return list;
    }

    private static List<AdminDivision> ReadCsv()
    {
        using var stream = typeof(DivisionCatalog).Assembly.GetManifestResourceStream("Nara.Registries.Data.Seed.admin-divisions.csv")
            ?? throw new InvalidOperationException("The embedded admin-divisions.csv is missing.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var list = new List<AdminDivision>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            list.Add(new AdminDivision
            {
                Code = f[0],
                Level = f[1] == "sido" ? DivisionLevel.Sido : DivisionLevel.Sigungu,
                ParentCode = f[2].Length == 0 ? null : f[2],
                NameKo = f[3],
                NameEn = f[4],
                Latitude = double.Parse(f[5], CultureInfo.InvariantCulture),
                Longitude = double.Parse(f[6], CultureInfo.InvariantCulture),
            });
        }

        return list;
    }

    private static IEnumerable<AdminDivision> Chain(List<AdminDivision> rows, AdminDivision leaf)
    {
        var chain = new List<AdminDivision>();
        for (var d = leaf; d is not null; d = d.ParentCode is null ? null : rows.First(r => r.Code == d.ParentCode))
        {
            chain.Insert(0, d);
        }

        return chain.DistinctBy(d => d.NameKo);
    }

    private static string FullName(List<AdminDivision> rows, AdminDivision leaf) => string.Join(' ', Chain(rows, leaf).Select(d => d.NameKo));

    private static string EnglishName(List<AdminDivision> rows, AdminDivision leaf) => string.Join(", ", Chain(rows, leaf).Reverse().Select(d => d.NameEn));

    /// <summary>A lowest-level 시군구 with its generated 읍면동 and the text used in its addresses.</summary>
    internal sealed record Leaf(AdminDivision Sigungu, List<AdminDivision> Neighbourhoods, string FullNameKo, string FullNameEn, double Weight, int PostalBase);
}
