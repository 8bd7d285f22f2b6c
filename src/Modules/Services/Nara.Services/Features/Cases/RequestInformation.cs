using Nara.Kernel.Localization;
using Nara.Services.Domain.Applications;

namespace Nara.Services.Features.Cases;

/// <summary>A caseworker asks the applicant for more; the case waits, and the applicant is told.</summary>
internal sealed class RequestInformation(CaseWork work, ServiceCatalogue catalogue)
{
    public const int MaxLength = 2_000;

    public async Task<CaseResult> ExecuteAsync(Official official, Guid caseId, int version, string? question, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(official);
        if (CaseWork.Clean(question, MaxLength) is not { } text)
        {
            return CaseResult.Refused(Bilingual.L("신청인에게 요청할 내용을 입력하세요.", "Write what you need from the applicant."));
        }

        if (!official.IsCaseworker)
        {
            return CaseResult.Refused(Bilingual.L("보완 요청은 사건 담당 권한이 있어야 합니다.", "Only caseworkers can ask for more information."));
        }

        var (c, failure) = await work.LoadAsync(official, caseId, version, ct);
        if (c is null)
        {
            return failure!;
        }

        if (c.Status is not (CaseStatuses.Submitted or CaseStatuses.InReview) || c.DraftedAt is not null)
        {
            return CaseResult.Refused(Bilingual.L("접수되었거나 검토 중이고 기안 전인 건만 보완을 요청할 수 있습니다.", "You can ask for more only while the case is open and not yet drafted."));
        }

        var request = new InformationRequest { Id = Guid.CreateVersion7(work.Now), CaseId = c.Id, Question = text, AskedBy = official.AccountId, AskedAt = work.Now };
        work.Db.InformationRequests.Add(request);
        work.Record(c, official, CaseActions.InfoRequested, text);
        work.ChangeStatus(c, official, CaseStatuses.InfoRequested);
        work.Db.Publish(ApplicantNotices.InformationRequested(c, catalogue.Get(c.ServiceSlug), request.Id), work.Now);
        return await work.SaveAsync(c, ct);
    }
}
