namespace Nara.Services.Domain.Catalogue;

/// <summary>Browse categories. Ids are stable (they are in catalogue files and URLs); names are bilingual.</summary>
public static class ServiceCategories
{
    public static readonly IReadOnlyList<(string Id, LocalText Name)> All =
    [
        ("family", new("임신·출산·육아", "Pregnancy, birth and childcare")),
        ("welfare", new("생활안정·복지", "Living support and welfare")),
        ("seniors", new("노후·어르신", "Older people")),
        ("disability", new("장애인", "Disability")),
        ("jobs", new("일자리·고용", "Jobs and employment")),
        ("education", new("교육", "Education")),
        ("tax", new("세금·재정", "Tax and finance")),
        ("health", new("건강·의료", "Health and care")),
        ("residence", new("주민등록·가족관계", "Residence and family records")),
        ("travel", new("여권·교통·자동차", "Passports, transport and vehicles")),
        ("business", new("기업·창업", "Business and start-ups")),
        ("safety", new("안전·재난", "Safety and disasters")),
        ("housing", new("주거·토지·건축", "Housing, land and buildings")),
        ("participation", new("민원·참여·정보공개", "Complaints, participation and information")),
        ("living", new("생활·환경", "Daily life and environment")),
        ("foreigners", new("외국인·다문화", "Foreign residents and multicultural families")),
    ];
}

/// <summary>
/// Life events, as Gov24 groups its one-stop services. <c>Page</c> is the portal's life-event page
/// (<c>/life-events/{page}</c>) that gathers the event's services, or null when the portal has no page for it
/// (then links go to the catalogue filtered by the event).
/// </summary>
public static class LifeEvents
{
    public static readonly IReadOnlyList<(string Id, LocalText Name, string? Page)> All =
    [
        ("birth", new("출산", "Having a baby"), "birth"),
        ("childcare", new("육아", "Raising children"), "birth"),
        ("school", new("학업", "Studying"), "youth"),
        ("job-seeking", new("취업·실직", "Looking for work"), "jobs"),
        ("marriage", new("결혼", "Getting married"), null),
        ("moving", new("이사", "Moving house"), "moving"),
        ("starting-business", new("창업", "Starting a business"), "business"),
        ("retirement", new("노후", "Retirement and old age"), "older-age"),
        ("disability", new("장애", "Living with a disability"), "disability"),
        ("low-income", new("생활이 어려울 때", "Hard times"), null),
        ("death", new("사망·상속", "Death and inheritance"), null),
        ("disaster", new("재난", "Disasters"), null),
        ("driving", new("운전·자동차", "Driving and vehicles"), null),
        ("coming-to-korea", new("한국 생활 시작", "Coming to live in Korea"), "foreign-residents"),
    ];

    /// <summary>Where a link to the event goes: its portal page, or the catalogue filtered by it.</summary>
    public static string Href(string id) =>
        All.FirstOrDefault(e => e.Id == id).Page is { } page ? "/life-events/" + page : "/services?event=" + Uri.EscapeDataString(id);

    public static LocalText? Find(string id) => All.FirstOrDefault(e => e.Id == id).Name;
}
