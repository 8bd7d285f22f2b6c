using Nara.Kernel.Localization;
using Nara.Services.Domain.Applications;

namespace Nara.Services.Features.Cases;

/// <summary>An internal note between the agency's officials; the applicant does not see it.</summary>
internal sealed class CommentOnCase(CaseWork work)
{
    public const int MaxLength = 2_000;

    public async Task<CaseResult> ExecuteAsync(Official official, Guid caseId, int version, string? comment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(official);
        if (CaseWork.Clean(comment, MaxLength) is not { } text)
        {
            return CaseResult.Refused(Bilingual.L($"의견을 {MaxLength}자 이하로 입력하세요.", $"Enter a comment of up to {MaxLength} characters."));
        }

        if (!official.WorksCases)
        {
            return CaseResult.Refused(Bilingual.L("사건 처리 권한이 없습니다.", "You do not work on cases."));
        }

        var (c, failure) = await work.LoadAsync(official, caseId, version, ct);
        if (c is null)
        {
            return failure!;
        }

        work.Record(c, official, CaseActions.Commented, text, visibleToApplicant: false);
        return await work.SaveAsync(c, ct);
    }
}
