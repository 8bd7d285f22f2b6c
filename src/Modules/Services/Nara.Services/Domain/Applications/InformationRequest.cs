namespace Nara.Services.Domain.Applications;

/// <summary>An official asks the applicant for more information; the case waits until they answer.</summary>
internal sealed class InformationRequest
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public required string Question { get; set; }

    public Guid AskedBy { get; set; }

    public DateTimeOffset AskedAt { get; set; }

    public string? Answer { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }
}
