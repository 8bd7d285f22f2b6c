namespace Nara.Audit.Contracts;

/// <summary>One audited fact: who did what to which subject, why, and how it ended.</summary>
/// <param name="Time">When it happened (from the injected clock); stored to the microsecond.</param>
/// <param name="Action">Verb-like, dotted: "registry.record.update", "resident.view".</param>
/// <param name="Purpose">Why (legal basis or case), required by privacy law for reads of personal data.</param>
/// <param name="Outcome">See <see cref="AuditOutcomes"/>.</param>
/// <param name="CorrelationId">Ties entries of one request or process together; optional.</param>
/// <param name="Module">The module that writes the entry.</param>
/// <param name="Detail">A few identifiers or codes; never secrets, never a copy of the record.</param>
/// <param name="SourceMessageId">The integration event this entry records; the log keeps one entry per message.</param>
public sealed record AuditEntry(
    DateTimeOffset Time,
    AuditActor Actor,
    string Action,
    AuditSubject Subject,
    string? Purpose,
    string Outcome,
    string? CorrelationId,
    string Module,
    IReadOnlyDictionary<string, string>? Detail = null,
    Guid? SourceMessageId = null);

public enum AuditActorKind
{
    Citizen,
    Official,
    System,
    AgencyClient,
}

/// <summary>The person, client or process that acted. Officials always carry their agency and role.</summary>
public sealed record AuditActor(AuditActorKind Kind, string Id, string? Agency = null, string? Role = null)
{
    public static AuditActor Citizen(string id) => new(AuditActorKind.Citizen, id);

    public static AuditActor Official(string id, string agency, string role) => new(AuditActorKind.Official, id, agency, role);

    public static AuditActor System(string id) => new(AuditActorKind.System, id);

    public static AuditActor AgencyClient(string id, string? agency) => new(AuditActorKind.AgencyClient, id, agency);

    /// <summary>The wire and storage name of <see cref="Kind"/>.</summary>
    public string KindName => KindNames[Kind];

    public static IReadOnlyDictionary<AuditActorKind, string> KindNames { get; } = new Dictionary<AuditActorKind, string>
    {
        [AuditActorKind.Citizen] = "citizen",
        [AuditActorKind.Official] = "official",
        [AuditActorKind.System] = "system",
        [AuditActorKind.AgencyClient] = "agency-client",
    };
}

/// <summary>What the action was about: a type and an id ("resident"/"123", "case"/"C-2026-1").</summary>
public sealed record AuditSubject(string Type, string Id);

public static class AuditOutcomes
{
    public const string Success = "success";
    public const string Denied = "denied";
    public const string Failed = "failed";
}
