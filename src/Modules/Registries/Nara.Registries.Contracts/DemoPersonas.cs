namespace Nara.Registries.Contracts;

/// <summary>
/// Named demo people seeded with stable resident numbers (listed in the README), so that a newcomer,
/// a demo and a test can all say "the mother of a newborn" and mean the same record.
/// </summary>
public static class DemoPersonas
{
    public static readonly DemoPersona MotherOfNewborn = new("mother-of-newborn", "930514-2101236", "김서연", "Kim Seo-yeon");
    public static readonly DemoPersona FatherOfNewborn = new("father-of-newborn", "910302-1101241", "이준호", "Lee Jun-ho");
    public static readonly DemoPersona Newborn = new("newborn", "251220-4101250", "이하린", "Lee Ha-rin");
    public static readonly DemoPersona ElderlyAlone = new("elderly-alone", "440203-2602117", "박순자", "Park Sun-ja");
    public static readonly DemoPersona YoungJobseeker = new("young-jobseeker", "000821-3108762", "최민준", "Choi Min-jun");
    public static readonly DemoPersona SingleParent = new("single-parent", "881102-2413331", "정미경", "Jeong Mi-gyeong");
    public static readonly DemoPersona SingleParentChild1 = new("single-parent-child-1", "160410-4413348", "정하은", "Jeong Ha-eun");
    public static readonly DemoPersona SingleParentChild2 = new("single-parent-child-2", "190905-3413353", "정도윤", "Jeong Do-yun");
    public static readonly DemoPersona DisabledAdult = new("disabled-adult", "790330-1304128", "강동현", "Kang Dong-hyeon");
    public static readonly DemoPersona BusinessOwner = new("business-owner", "750707-1215558", "윤지훈", "Yun Ji-hun");
    public static readonly DemoPersona ForeignResident = new("foreign-resident", "950118-6432198", "응우옌 티 란", "Nguyen Thi Lan");
    public static readonly DemoPersona DistrictOfficial = new("district-official", "850612-2107778", "한지민", "Han Ji-min");
    public static readonly DemoPersona MinistryOfficial = new("ministry-official", "781025-1368880", "오성민", "Oh Seong-min");

    public static IReadOnlyList<DemoPersona> All { get; } =
    [
        MotherOfNewborn, FatherOfNewborn, Newborn, ElderlyAlone, YoungJobseeker, SingleParent, SingleParentChild1,
        SingleParentChild2, DisabledAdult, BusinessOwner, ForeignResident, DistrictOfficial, MinistryOfficial,
    ];
}

public sealed record DemoPersona(string Key, string ResidentNumber, string NameKo, string NameEn);
