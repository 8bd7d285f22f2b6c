namespace Nara.Services.Domain.Applications;

/// <summary>
/// One service's piece of an application, worked by the owning agency: assignment, information
/// requests, the approval line (drafter → reviewer → approver, as in Onnara) and the decision.
/// </summary>
internal sealed class Case
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public Application? Application { get; set; }

    public required string ServiceSlug { get; set; }

    public required string Agency { get; set; }

    /// <summary>Copied from the application so queues and "my applications" need no join.</summary>
    public Guid ApplicantAccountId { get; set; }

    public long? ApplicantResidentId { get; set; }

    public string Status { get; set; } = CaseStatuses.Submitted;

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>Last day to decide (Korean date), counted in business days from receipt.</summary>
    public DateOnly DueOn { get; set; }

    public Guid? AssignedTo { get; set; }

    public string? AssignedName { get; set; }

    // The approval line. The drafter proposes a decision; a reviewer agrees (or returns it); an approver decides.
    public string? DraftDecision { get; set; }

    public string? DraftReason { get; set; }

    public Guid? DrafterId { get; set; }

    public string? DrafterName { get; set; }

    public DateTimeOffset? DraftedAt { get; set; }

    public Guid? ReviewerId { get; set; }

    public string? ReviewerName { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public Guid? ApproverId { get; set; }

    public string? ApproverName { get; set; }

    /// <summary>One of <c>CaseDecisions</c> once decided.</summary>
    public string? Decision { get; set; }

    public string? DecisionReason { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? LetterDocumentId { get; set; }

    /// <summary>Optimistic concurrency: an official acting on a stale page is told to reload, nothing is half-written.</summary>
    public int Version { get; set; }

    public List<CaseEvent> Events { get; } = [];

    public List<InformationRequest> InformationRequests { get; } = [];

    public bool IsOpen => CaseStatuses.Open.Contains(Status);

    public string Stage =>
        Decision is not null ? ApprovalStages.Decided
        : ReviewedAt is not null ? ApprovalStages.Reviewed
        : DraftedAt is not null ? ApprovalStages.Drafted
        : ApprovalStages.None;
}

internal static class CaseStatuses
{
    public const string Submitted = "submitted";
    public const string InReview = "in-review";
    public const string InfoRequested = "info-requested";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";

    public static IReadOnlyList<string> All { get; } = [Submitted, InReview, InfoRequested, Approved, Rejected, Withdrawn];

    public static IReadOnlySet<string> Open { get; } = new HashSet<string>(StringComparer.Ordinal) { Submitted, InReview, InfoRequested };
}

internal static class ApprovalStages
{
    public const string None = "none";
    public const string Drafted = "drafted";
    public const string Reviewed = "reviewed";
    public const string Decided = "decided";
}
