using System.Text.Json;
using Nara.Services.Domain.Applications;

namespace Nara.Services.Api;

// Shapes of the GovStack Registration BB API (GovStack_Registration_BB_API.json): names as the spec spells them.

internal sealed record ApplicationFileSubmit(string? ApplicantId, string? ApplicationName, FormDataDto? FormData, IReadOnlyList<string>? DocumentUrls);

internal sealed record FormDataDto(string? EFormId, Dictionary<string, JsonElement>? Data);

internal sealed record StatusModel(string Code, string Title)
{
    public static StatusModel Of(IEnumerable<string> caseStatuses)
    {
        var statuses = caseStatuses.ToList();
        return statuses.Any(s => s == CaseStatuses.InfoRequested) ? new("SENDBACK", "Sent back for more information")
            : statuses.Any(s => s is CaseStatuses.Submitted or CaseStatuses.InReview) ? new("PENDING", "Pending")
            : statuses.Count > 0 && statuses.All(s => s == CaseStatuses.Approved) ? new("APPROVED", "Approved")
            : statuses.Any(s => s == CaseStatuses.Approved) ? new("APPROVED", "Partly approved")
            : statuses.All(s => s == CaseStatuses.Withdrawn) && statuses.Count > 0 ? new("REJECTED", "Withdrawn by the applicant")
            : new("REJECTED", "Rejected");
    }
}

internal sealed record ApplicationFileResponse(string FileId, DateTimeOffset? Registered, string ServiceKey, string ServiceName, StatusModel Status, bool Ended, IReadOnlyList<TaskRef> Tasks);

internal sealed record TaskRef(string TaskId, string ServiceKey, string Agency, StatusModel Status);

internal sealed record ApplicationListItem(string FileId, string ApplicantId, DateTimeOffset Created, DateTimeOffset? Registered, string ServiceKey, string ServiceName, StatusModel Status);

internal sealed record UserTaskResponse(string TaskId, string MainTaskId, string Name, string? AssigneeId, DateTimeOffset Created, string Description, string ServiceKey, string ServiceName, string FileId, string EFormId, StatusModel Status, DateOnly DueDate);

internal sealed record AdditionalData(Dictionary<string, JsonElement>? Data);

internal sealed record CompletedTaskResponse(string TaskId, string FileId, string ServiceKey, StatusModel Status);
