namespace Nara.Host.Pages.LifeEvents;

/// <summary>A moment in life that needs several services at once (생애주기 서비스), the portal's main way in.</summary>
internal sealed record LifeEvent(string Slug, string TitleKo, string TitleEn, string SummaryKo, string SummaryEn);

/// <summary>
/// The life events shown on the home page. The services on each page come from the catalogue: services tagged with a
/// life event whose portal page is this slug (Services' <c>LifeEvents</c>), so this list holds only the texts.
/// </summary>
internal static class LifeEventCatalog
{
    public static readonly IReadOnlyList<LifeEvent> All =
    [
        new("birth", "출산·육아", "Birth and childcare", "출생신고부터 부모급여, 어린이집까지 한 번에 안내합니다.", "From registering a birth to parental benefits and daycare, in one place."),
        new("youth", "청년", "Youth", "청년 일자리, 주거, 자산 형성 지원을 찾아 드립니다.", "Jobs, housing and savings support for young people."),
        new("older-age", "노년", "Older age", "기초연금, 돌봄, 건강 서비스를 안내합니다.", "Basic pension, care and health services."),
        new("disability", "장애", "Disability", "장애인 등록과 활동 지원, 각종 감면을 안내합니다.", "Disability registration, personal assistance and reductions."),
        new("jobs", "일자리", "Jobs", "구직 등록, 실업급여, 직업 훈련을 안내합니다.", "Jobseeker registration, unemployment benefit and training."),
        new("moving", "이사·주거", "Moving and housing", "전입신고와 주거 지원을 한 번에 처리합니다.", "Report a move and find housing support in one go."),
        new("business", "사업", "Business", "창업, 사업자 등록, 지원 사업을 안내합니다.", "Starting up, registering a business and support schemes."),
        new("foreign-residents", "외국인", "Foreign residents", "외국인 등록, 체류, 생활 정보를 안내합니다.", "Registration, residence and everyday life for foreign residents."),
    ];

    public static LifeEvent? Find(string slug) => All.FirstOrDefault(e => e.Slug == slug);
}
