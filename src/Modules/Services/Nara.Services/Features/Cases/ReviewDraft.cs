using Nara.Kernel.Localization;
using Nara.Services.Domain.Applications;

namespace Nara.Services.Features.Cases;

/// <summary>The second step of the approval line: another official agrees with the draft or returns it.</summary>
internal sealed class ReviewDraft(CaseWork work)
{
    public async Task<CaseResult> ExecuteAsync(Official official, Guid caseId, int version, bool agree, string? comment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(official);
        if (!official.WorksCases)
        {
            return CaseResult.Refused(Bilingual.L("검토 권한이 없습니다.", "You cannot review drafts."));
        }

        var text = CaseWork.Clean(comment, CommentOnCase.MaxLength);
        if (!agree && text is null)
        {
            return CaseResult.Refused(Bilingual.L("반려하려면 이유를 적으세요.", "Say why you return the draft."));
        }

        var (c, failure) = await work.LoadAsync(official, caseId, version, ct);
        if (c is null)
        {
            return failure!;
        }

        if (c.Status != CaseStatuses.InReview || c.Stage != ApprovalStages.Drafted)
        {
            return CaseResult.Refused(Bilingual.L("검토를 기다리는 기안이 없습니다.", "There is no draft waiting for review."));
        }

        if (c.DrafterId == official.AccountId)
        {
            return CaseResult.Refused(Bilingual.L("자신이 기안한 건은 검토할 수 없습니다.", "You cannot review your own draft."));
        }

        if (agree)
        {
            c.ReviewerId = official.AccountId;
            c.ReviewerName = official.Name;
            c.ReviewedAt = work.Now;
            work.Record(c, official, CaseActions.Reviewed, text, visibleToApplicant: false);
        }
        else
        {
            c.DraftDecision = c.DraftReason = c.DrafterName = null;
            c.DrafterId = null;
            c.DraftedAt = null;
            work.Record(c, official, CaseActions.Returned, text, visibleToApplicant: false);
        }

        return await work.SaveAsync(c, ct);
    }
}
