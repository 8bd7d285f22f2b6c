namespace Nara.Services.Domain.Applications;

/// <summary>One line of a case's history: who did what, when, with what comment.</summary>
internal sealed class CaseEvent
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>citizen, official, agency-client or system.</summary>
    public required string ActorKind { get; set; }

    public Guid? ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>One of <see cref="CaseActions"/>.</summary>
    public required string Action { get; set; }

    public string? Comment { get; set; }

    /// <summary>Internal comments between officials are not shown to the citizen.</summary>
    public bool VisibleToApplicant { get; set; } = true;
}

internal static class CaseActions
{
    public const string Submitted = "submitted";
    public const string Assigned = "assigned";
    public const string Commented = "commented";
    public const string InfoRequested = "info-requested";
    public const string InfoAnswered = "info-answered";
    public const string Drafted = "drafted";
    public const string Reviewed = "reviewed";
    public const string Returned = "returned";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";
}
