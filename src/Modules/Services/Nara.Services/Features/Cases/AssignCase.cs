using Nara.Kernel.Localization;
using Nara.Services.Domain.Applications;

namespace Nara.Services.Features.Cases;

/// <summary>A caseworker takes a case ("assign to me"); a new case moves into review.</summary>
internal sealed class AssignCase(CaseWork work)
{
    public async Task<CaseResult> ExecuteAsync(Official official, Guid caseId, int version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(official);
        if (!official.IsCaseworker)
        {
            return CaseResult.Refused(Bilingual.L("담당자 지정은 사건 담당 권한이 있어야 합니다.", "Only caseworkers can take cases."));
        }

        var (c, failure) = await work.LoadAsync(official, caseId, version, ct);
        if (c is null)
        {
            return failure!;
        }

        if (!c.IsOpen)
        {
            return CaseResult.Refused(Bilingual.L("이미 끝난 건입니다.", "This case is closed."));
        }

        c.AssignedTo = official.AccountId;
        c.AssignedName = official.Name;
        work.Record(c, official, CaseActions.Assigned, null);
        if (c.Status == CaseStatuses.Submitted)
        {
            work.ChangeStatus(c, official, CaseStatuses.InReview);
        }

        return await work.SaveAsync(c, ct);
    }
}
