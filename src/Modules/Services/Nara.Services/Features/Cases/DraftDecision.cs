using Nara.Kernel.Localization;
using Nara.Services.Contracts;
using Nara.Services.Domain.Applications;

namespace Nara.Services.Features.Cases;

/// <summary>The first step of the approval line: the caseworker drafts the decision and its reason.</summary>
internal sealed class DraftDecision(CaseWork work)
{
    public const int MaxReason = 2_000;

    public async Task<CaseResult> ExecuteAsync(Official official, Guid caseId, int version, string? decision, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(official);
        if (decision is not (CaseDecisions.Approved or CaseDecisions.Rejected))
        {
            return CaseResult.Refused(Bilingual.L("승인 또는 거절을 고르세요.", "Choose approve or reject."));
        }

        var text = CaseWork.Clean(reason, MaxReason);
        if (decision == CaseDecisions.Rejected && text is null)
        {
            return CaseResult.Refused(Bilingual.L("거절하려면 이유를 적어야 합니다. 신청인이 이의를 제기할 수 있도록 구체적으로 쓰세요.", "A rejection needs a reason, specific enough for the applicant to appeal."));
        }

        if (!official.IsCaseworker)
        {
            return CaseResult.Refused(Bilingual.L("기안은 사건 담당 권한이 있어야 합니다.", "Only caseworkers draft decisions."));
        }

        var (c, failure) = await work.LoadAsync(official, caseId, version, ct);
        if (c is null)
        {
            return failure!;
        }

        if (c.Status != CaseStatuses.InReview || c.DraftedAt is not null)
        {
            return CaseResult.Refused(Bilingual.L("검토 중이고 아직 기안하지 않은 건만 기안할 수 있습니다.", "Only a case in review without a draft can be drafted."));
        }

        c.DraftDecision = decision;
        c.DraftReason = text;
        c.DrafterId = official.AccountId;
        c.DrafterName = official.Name;
        c.DraftedAt = work.Now;
        work.Record(c, official, CaseActions.Drafted, text, visibleToApplicant: false);
        return await work.SaveAsync(c, ct);
    }
}
