using Nara.Kernel.Localization;
using Nara.Services.Contracts;
using Nara.Services.Domain.Applications;
using Nara.Services.Features.Documents;

namespace Nara.Services.Features.Cases;

/// <summary>
/// The last step of the approval line: an approver signs off the reviewed draft (or returns it). The
/// decision, its letter, <c>ApplicationDecided</c> and the message to the applicant are written together.
/// An official may not approve a decision they drafted.
/// </summary>
internal sealed class DecideCase(CaseWork work, ServiceCatalogue catalogue, DocumentStore documents)
{
    public async Task<CaseResult> ExecuteAsync(Official official, Guid caseId, int version, bool signOff, string? comment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(official);
        if (!official.IsApprover)
        {
            return CaseResult.Refused(Bilingual.L("결재는 결재권자만 할 수 있습니다.", "Only approvers can decide cases."));
        }

        var (c, failure) = await work.LoadAsync(official, caseId, version, ct);
        if (c is null)
        {
            return failure!;
        }

        if (c.Status != CaseStatuses.InReview || c.Stage != ApprovalStages.Reviewed)
        {
            return CaseResult.Refused(Bilingual.L("검토를 마친 기안만 결재할 수 있습니다.", "Only a reviewed draft can be decided."));
        }

        if (c.DrafterId == official.AccountId)
        {
            return CaseResult.Refused(Bilingual.L("자신이 기안한 건은 결재할 수 없습니다.", "You cannot approve your own draft."));
        }

        var text = CaseWork.Clean(comment, CommentOnCase.MaxLength);
        if (!signOff)
        {
            c.DraftDecision = c.DraftReason = c.DrafterName = c.ReviewerName = null;
            c.DrafterId = c.ReviewerId = null;
            c.DraftedAt = c.ReviewedAt = null;
            work.Record(c, official, CaseActions.Returned, text, visibleToApplicant: false);
            return await work.SaveAsync(c, ct);
        }

        var service = catalogue.Get(c.ServiceSlug);
        c.ApproverId = official.AccountId;
        c.ApproverName = official.Name;
        c.Decision = c.DraftDecision;
        c.DecisionReason = c.DraftReason;
        c.DecidedAt = work.Now;
        var letter = DecisionLetter.Render(c, service);
        var letterId = Guid.CreateVersion7(work.Now);
        var hash = await documents.WriteAsync(letterId, letter, ct);
        work.Db.Documents.Add(new StoredDocument
        {
            Id = letterId, ApplicationId = c.ApplicationId, CaseId = c.Id, Kind = DocumentKinds.DecisionLetter,
            FileName = $"decision-{c.ServiceSlug}-{c.Id.ToString("N")[..8]}.html", ContentType = "text/html; charset=utf-8",
            Size = letter.Length, Sha256 = hash, CreatedAt = work.Now,
        });
        c.LetterDocumentId = letterId;
        var approved = c.Decision == CaseDecisions.Approved;
        work.Record(c, official, approved ? CaseActions.Approved : CaseActions.Rejected, c.DecisionReason);
        // The decision is announced by ApplicationDecided, not CaseStatusChanged.
        c.Status = approved ? CaseStatuses.Approved : CaseStatuses.Rejected;
        work.Db.Publish(new ApplicationDecided(c.ApplicationId, c.Id, c.ServiceSlug, c.Agency, c.ApplicantAccountId, c.ApplicantResidentId, c.Decision!, official.AccountId, letterId, work.Now), work.Now);
        work.Db.Publish(ApplicantNotices.Decided(c, service), work.Now);
        var result = await work.SaveAsync(c, ct);
        if (result.Outcome != CaseOutcome.Done)
        {
            documents.Delete(letterId);
        }

        return result;
    }
}
