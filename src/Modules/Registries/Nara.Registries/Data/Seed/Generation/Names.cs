using Nara.Registries.Domain;

namespace Nara.Registries.Data.Seed.Generation;

/// <summary>Korean and foreign names: surnames by their census frequency, given names from syllable pairs by era.</summary>
internal static class Names
{
    // Share of the population in per mille, 2015 census (김 21.5%, 이 14.7%, 박 8.4%, …).
    private static readonly Weighted<string> Surnames = new(new (string, double)[]
    {
        ("김", 215), ("이", 147), ("박", 84), ("최", 47), ("정", 43), ("강", 23), ("조", 21), ("윤", 21), ("장", 20),
        ("임", 17), ("한", 15), ("오", 15), ("서", 15), ("신", 15), ("권", 14), ("황", 14), ("안", 13), ("송", 13),
        ("전", 11), ("홍", 11), ("유", 11), ("고", 9), ("문", 9), ("양", 9), ("손", 9), ("배", 8), ("백", 8), ("허", 6),
        ("남", 5), ("심", 5), ("노", 4), ("하", 4), ("곽", 4), ("성", 4), ("차", 4), ("주", 4), ("우", 4), ("구", 4),
        ("민", 3), ("류", 3),
    });

    private static readonly string[] MaleOld = ["영", "성", "정", "상", "재", "종", "광", "동", "진", "병", "철", "수", "호", "기", "용", "석", "명", "학", "순", "만"];
    private static readonly string[] MaleOldEnd = ["수", "호", "철", "식", "석", "진", "환", "일", "남", "길", "준", "민", "훈", "우", "규", "섭"];
    private static readonly string[] MaleNew = ["민", "서", "도", "하", "지", "준", "시", "은", "예", "주", "현", "우", "건", "태", "승", "유", "선", "재"];
    private static readonly string[] MaleNewEnd = ["준", "우", "윤", "호", "현", "진", "후", "원", "민", "율", "혁", "빈", "찬", "훈", "성", "결"];
    private static readonly string[] FemaleOld = ["영", "순", "정", "명", "경", "미", "은", "숙", "옥", "춘", "말", "복", "혜", "선", "현", "희"];
    private static readonly string[] FemaleOldEnd = ["자", "숙", "희", "순", "옥", "애", "란", "정", "미", "영", "경", "선", "주", "례", "남", "화"];
    private static readonly string[] FemaleNew = ["서", "지", "하", "수", "민", "예", "채", "윤", "다", "소", "유", "은", "가", "나", "아", "시"];
    private static readonly string[] FemaleNewEnd = ["연", "윤", "은", "아", "린", "원", "서", "현", "민", "율", "진", "영", "유", "희", "빈", "인"];

    public static string Surname(SeedRandom random) => Surnames.Sample(random);

    public static string Given(SeedRandom random, Sex sex, int birthYear)
    {
        var old = birthYear < 1975;
        var (first, second) = (sex, old) switch
        {
            (Sex.Male, true) => (MaleOld, MaleOldEnd),
            (Sex.Male, false) => (MaleNew, MaleNewEnd),
            (_, true) => (FemaleOld, FemaleOldEnd),
            _ => (FemaleNew, FemaleNewEnd),
        };
        var a = random.Pick(first);
        var b = random.Pick(second);
        return a == b ? a + random.Pick(second) : a + b;
    }

    /// <summary>Foreign residents' nationalities, weighted after the registered-foreigner statistics (2024).</summary>
    public static readonly Weighted<string> Nationalities = new(new (string, double)[]
    {
        ("CHN", 36), ("VNM", 17), ("THA", 6), ("UZB", 5), ("USA", 5), ("NPL", 5), ("PHL", 4), ("KHM", 4), ("IDN", 4),
        ("MNG", 3), ("MMR", 3), ("RUS", 2), ("KAZ", 2), ("LKA", 2), ("JPN", 1), ("CAN", 1),
    });

    private static readonly Dictionary<string, ForeignNamePool> Foreign = new()
    {
        ["CHN"] = new([("왕", "Wang"), ("리", "Li"), ("장", "Zhang"), ("류", "Liu"), ("천", "Chen"), ("양", "Yang"), ("자오", "Zhao")],
            [("웨이", "Wei"), ("팡", "Fang"), ("나", "Na"), ("민", "Min"), ("징", "Jing"), ("레이", "Lei"), ("양", "Yang"), ("칭", "Qing"), ("하오", "Hao")], false),
        ["VNM"] = new([("응우옌", "Nguyen"), ("쩐", "Tran"), ("레", "Le"), ("팜", "Pham"), ("호앙", "Hoang"), ("부", "Vu")],
            [("반 훙", "Van Hung"), ("티 란", "Thi Lan"), ("티 흐엉", "Thi Huong"), ("반 남", "Van Nam"), ("티 마이", "Thi Mai"), ("득 민", "Duc Minh")], false),
        ["THA"] = new([("시리", "Siri"), ("분마", "Boonma"), ("캄라", "Khamla")], [("솜차이", "Somchai"), ("수다", "Suda"), ("나리", "Nari"), ("쁘라윳", "Prayut")], true),
        ["UZB"] = new([("카리모프", "Karimov"), ("유수포바", "Yusupova"), ("라시도프", "Rashidov")], [("아지즈", "Aziz"), ("딜노자", "Dilnoza"), ("루스탐", "Rustam")], true),
        ["USA"] = new([("스미스", "Smith"), ("존슨", "Johnson"), ("브라운", "Brown"), ("밀러", "Miller")], [("제임스", "James"), ("에밀리", "Emily"), ("마이클", "Michael"), ("사라", "Sarah")], true),
        ["PHL"] = new([("산토스", "Santos"), ("레예스", "Reyes"), ("크루즈", "Cruz")], [("마리아", "Maria"), ("호세", "Jose"), ("아나", "Ana"), ("마크", "Mark")], true),
        ["NPL"] = new([("타파", "Thapa"), ("구룽", "Gurung"), ("라이", "Rai")], [("비샬", "Bishal"), ("수닐", "Sunil"), ("아샤", "Asha")], true),
    };

    private static readonly ForeignNamePool Other =
        new([("알리", "Ali"), ("이바노프", "Ivanov"), ("바트", "Bat"), ("페레라", "Perera"), ("윈", "Win")], [("아흐마드", "Ahmad"), ("올가", "Olga"), ("사라", "Sara"), ("아논", "Anon"), ("누르", "Nur")], true);

    /// <summary>(Korean transcription, Latin) for a foreign resident of that nationality.</summary>
    public static (string Ko, string En) ForeignName(SeedRandom random, string nationality)
    {
        var pool = Foreign.GetValueOrDefault(nationality, Other);
        var family = random.Pick(pool.Family);
        var given = random.Pick(pool.Given);
        return pool.GivenFirst
            ? ($"{given.Ko} {family.Ko}", $"{given.En} {family.En}")
            : (nationality == "CHN" ? family.Ko + given.Ko : $"{family.Ko} {given.Ko}", $"{family.En} {given.En}");
    }

    private sealed record ForeignNamePool((string Ko, string En)[] Family, (string Ko, string En)[] Given, bool GivenFirst);
}
