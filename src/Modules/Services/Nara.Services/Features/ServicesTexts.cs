using Nara.Kernel.Localization;
using Nara.Services.Domain.Applications;
using Nara.Services.Domain.Catalogue;

namespace Nara.Services.Features;

/// <summary>Words for statuses, actions and prefill sources, in the reader's language.</summary>
internal static class ServicesTexts
{
    public static string Status(string status) => status switch
    {
        ApplicationStatuses.Draft => Bilingual.L("작성 중", "Draft"),
        CaseStatuses.Submitted => Bilingual.L("접수", "Submitted"),
        CaseStatuses.InReview => Bilingual.L("검토 중", "In review"),
        CaseStatuses.InfoRequested => Bilingual.L("보완 요청", "More information needed"),
        CaseStatuses.Approved => Bilingual.L("승인", "Approved"),
        CaseStatuses.Rejected => Bilingual.L("거절", "Rejected"),
        CaseStatuses.Withdrawn => Bilingual.L("취하", "Withdrawn"),
        _ => status,
    };

    public static string Action(string action) => action switch
    {
        CaseActions.Submitted => Bilingual.L("신청 접수", "Application received"),
        CaseActions.Assigned => Bilingual.L("담당자 지정", "Assigned to an official"),
        CaseActions.Commented => Bilingual.L("의견", "Comment"),
        CaseActions.InfoRequested => Bilingual.L("보완 요청", "More information requested"),
        CaseActions.InfoAnswered => Bilingual.L("보완 제출", "Information provided"),
        CaseActions.Drafted => Bilingual.L("기안", "Decision drafted"),
        CaseActions.Reviewed => Bilingual.L("검토", "Draft reviewed"),
        CaseActions.Returned => Bilingual.L("반려(재기안 요청)", "Draft returned"),
        CaseActions.Approved => Bilingual.L("승인 결정", "Approved"),
        CaseActions.Rejected => Bilingual.L("거절 결정", "Rejected"),
        CaseActions.Withdrawn => Bilingual.L("신청 취하", "Withdrawn by the applicant"),
        _ => action,
    };

    public static string Stage(string stage) => stage switch
    {
        ApprovalStages.None => Bilingual.L("기안 전", "Not drafted yet"),
        ApprovalStages.Drafted => Bilingual.L("기안 완료 · 검토 대기", "Drafted · waiting for review"),
        ApprovalStages.Reviewed => Bilingual.L("검토 완료 · 결재 대기", "Reviewed · waiting for the approver"),
        ApprovalStages.Decided => Bilingual.L("결재 완료", "Decided"),
        _ => stage,
    };

    /// <summary>"from the resident registry, MOIS" — where a prefilled value came from.</summary>
    public static string Source(string prefill) => prefill switch
    {
        PrefillSources.HouseholdSize or PrefillSources.HouseholdMembers =>
            Bilingual.L("주민등록 세대 정보(행정안전부)에서 가져옴", "From the resident registry's household record, MOIS"),
        _ => Bilingual.L("주민등록 전산정보(행정안전부)에서 가져옴", "From the resident registry, MOIS"),
    };

    /// <summary>The source, and the exchange that brought the value (its access-log id, as on "who used my data").</summary>
    public static string Source(string prefill, string? exchangeId) => exchangeId is { Length: >= 12 }
        ? $"{Source(prefill)} · {Bilingual.L("정보 연계", "exchange")} {exchangeId[^12..]}"
        : Source(prefill);

    /// <summary>The agency's name from the catalogue data; an unknown code is shown as it is.</summary>
    public static string Agency(string code) => Agencies.NameOf(code);
}
