namespace Nara.Services.Domain.Applications;

/// <summary>
/// What a citizen (or an agency system on their behalf) asks for: one service, or a one-stop bundle.
/// A draft keeps the answers between visits; submitting creates one <see cref="Case"/> per service.
/// </summary>
internal sealed class Application
{
    public Guid Id { get; set; }

    public Guid ApplicantAccountId { get; set; }

    /// <summary>The applicant in the resident registry, when the account is linked to one.</summary>
    public long? ApplicantResidentId { get; set; }

    /// <summary>The service or bundle slug the citizen applied to.</summary>
    public required string ServiceSlug { get; set; }

    /// <summary>Field id → answer, as typed (file fields hold a document id).</summary>
    public string AnswersJson { get; set; } = "{}";

    /// <summary>Field id → value read from a registry; shown read-only with its source.</summary>
    public string PrefilledJson { get; set; } = "{}";

    /// <summary>Field id → the Exchange access-log id of the exchange that prefilled it.</summary>
    public string PrefillExchangesJson { get; set; } = "{}";

    public string Status { get; set; } = ApplicationStatuses.Draft;

    /// <summary>Set by the form that started the application (or the API caller); one application per key and applicant.</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>The step the citizen reached (0-based), so "continue" opens it.</summary>
    public int CurrentStep { get; set; }

    /// <summary>"web" or the agency client id that submitted through the Registration API.</summary>
    public string Channel { get; set; } = "web";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>Optimistic concurrency: two tabs saving the same draft, or a double submit, cannot both win.</summary>
    public int Version { get; set; }

    public List<Case> Cases { get; } = [];
}

internal static class ApplicationStatuses
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
}
