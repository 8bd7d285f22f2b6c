namespace Nara.Host.Pages.LifeEvents;

/// <summary>A moment in life that needs several services at once (생애주기 서비스), the portal's main way in.</summary>
internal sealed record LifeEvent(string Slug, string TitleKo, string TitleEn, string SummaryKo, string SummaryEn, string[] OffersKo, string[] OffersEn);

/// <summary>
/// The life events shown on the home page. The services on each page come from the catalogue: services tagged with a
/// life event whose portal page is this slug (Services' <c>LifeEvents</c>), so this list holds only the texts.
/// </summary>
internal static class LifeEventCatalog
{
    public static readonly IReadOnlyList<LifeEvent> All =
    [
        new("birth", "출산·육아", "Birth and childcare", "출생신고부터 부모급여, 어린이집까지 한 번에 안내합니다.", "From registering a birth to parental benefits and daycare, in one place.",
            ["출생신고와 주민등록", "부모급여·아동수당 신청", "어린이집 입소 대기"], ["Birth registration", "Parental benefit and child allowance", "Daycare waiting list"]),
        new("youth", "청년", "Youth", "청년 일자리, 주거, 자산 형성 지원을 찾아 드립니다.", "Jobs, housing and savings support for young people.",
            ["청년 월세 지원", "구직 활동 지원", "청년 자산 형성"], ["Youth rent support", "Job-seeking support", "Youth savings schemes"]),
        new("older-age", "노년", "Older age", "기초연금, 돌봄, 건강 서비스를 안내합니다.", "Basic pension, care and health services.",
            ["기초연금 신청", "노인 맞춤 돌봄", "건강검진 안내"], ["Basic pension", "Personalised elderly care", "Health check-ups"]),
        new("disability", "장애", "Disability", "장애인 등록과 활동 지원, 각종 감면을 안내합니다.", "Disability registration, personal assistance and reductions.",
            ["장애인 등록", "활동지원 서비스", "요금 감면"], ["Disability registration", "Personal assistance", "Fee reductions"]),
        new("jobs", "일자리", "Jobs", "구직 등록, 실업급여, 직업 훈련을 안내합니다.", "Jobseeker registration, unemployment benefit and training.",
            ["구직 등록", "실업급여", "국민내일배움카드"], ["Jobseeker registration", "Unemployment benefit", "Training vouchers"]),
        new("moving", "이사·주거", "Moving and housing", "전입신고와 주거 지원을 한 번에 처리합니다.", "Report a move and find housing support in one go.",
            ["전입신고", "전월세 신고", "주거급여"], ["Report a change of address", "Report a lease", "Housing benefit"]),
        new("business", "사업", "Business", "창업, 사업자 등록, 지원 사업을 안내합니다.", "Starting up, registering a business and support schemes.",
            ["사업자 등록", "소상공인 지원", "세금 신고 안내"], ["Business registration", "Small business support", "Tax filing"]),
        new("foreign-residents", "외국인", "Foreign residents", "외국인 등록, 체류, 생활 정보를 안내합니다.", "Registration, residence and everyday life for foreign residents.",
            ["외국인 등록", "체류 기간 연장", "생활 정보"], ["Alien registration", "Extending your stay", "Living in Korea"]),
    ];

    public static LifeEvent? Find(string slug) => All.FirstOrDefault(e => e.Slug == slug);
}
