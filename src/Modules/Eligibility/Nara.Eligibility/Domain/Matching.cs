namespace Nara.Eligibility.Domain;

/// <summary>One whole-population (or incremental) matching run, for the officials' run history.</summary>
internal sealed class MatchingRun
{
    public Guid Id { get; set; }

    /// <summary>"full" or "incremental".</summary>
    public required string Kind { get; set; }

    /// <summary>"nightly", "cli", "registry-change", "bench".</summary>
    public required string Trigger { get; set; }

    /// <summary>The month evaluated, "2026-03".</summary>
    public required string Month { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Null while running, or when the run was interrupted.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    public int Households { get; set; }

    public int Residents { get; set; }

    public long Determinations { get; set; }

    public int ResultsChanged { get; set; }

    public int NewlyEligible { get; set; }

    public int NoLongerEligible { get; set; }

    public int DueSoon { get; set; }

    /// <summary>Opportunities turned into notifications (opted-in residents only).</summary>
    public int Notifications { get; set; }

    public long DurationMs { get; set; }
}

/// <summary>
/// A resident's last results, one character per benefit in BatchBenefits order: 'Y', 'N', '?' (unknown)
/// or '-' (a household benefit belongs to the household's head).
/// </summary>
internal sealed class StoredResults
{
    public long ResidentId { get; set; }

    public long HouseholdId { get; set; }

    public required string Month { get; set; }

    public required string Results { get; set; }
}

/// <summary>Something to tell a resident: newly eligible, no longer eligible, or a due date coming up. Unique per resident × subject × kind × period.</summary>
internal sealed class Opportunity
{
    public Guid Id { get; set; }

    /// <summary>Whom it is about (a child for child benefits).</summary>
    public long ResidentId { get; set; }

    /// <summary>Who is told: the resident, or the household head for a minor.</summary>
    public long NotifyResidentId { get; set; }

    /// <summary>The benefit rule id or the due-date event id.</summary>
    public required string Subject { get; set; }

    public required string Kind { get; set; }

    /// <summary>The month for benefits ("2026-03"), the due date for due-date events ("2026-03-20").</summary>
    public required string Period { get; set; }

    public Guid RunId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A resident's consent to proactive matching; absent = off (opt-in).</summary>
internal sealed class MatchingConsent
{
    public long ResidentId { get; set; }

    public bool OptedIn { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>A household whose registry facts changed since the last run (a registry event queued it).</summary>
internal sealed class PendingHousehold
{
    public long HouseholdId { get; set; }

    public DateTimeOffset Since { get; set; }
}

internal static class OpportunityKinds
{
    public const string NewlyEligible = "newly-eligible";
    public const string NoLongerEligible = "no-longer-eligible";
    public const string DueSoon = "due-soon";
}

/// <summary>
/// A benefit with a maximum duration granted to a resident (Services decided the case: approved), paid monthly from
/// <see cref="FirstMonth"/>. One per resident × benefit: the first grant counts.
/// </summary>
internal sealed class BenefitGrant
{
    public long ResidentId { get; set; }

    /// <summary>The rule id, e.g. <c>youth_rent_support</c>.</summary>
    public required string Benefit { get; set; }

    /// <summary>The first day of the first month paid: the month of the decision, Korean time.</summary>
    public DateOnly FirstMonth { get; set; }

    public Guid CaseId { get; set; }

    public DateTimeOffset DecidedAt { get; set; }
}
