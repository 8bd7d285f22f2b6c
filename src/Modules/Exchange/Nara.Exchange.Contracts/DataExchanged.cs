using Nara.Kernel.Events;

namespace Nara.Exchange.Contracts;

/// <summary>
/// One request through the information mediator, allowed or refused: the access log's evidence, appended to
/// Audit and shown on the data subject's "who used my data" page. Never carries the payload.
/// </summary>
/// <param name="ExchangeId">Nara's id of this exchange (also the outbox message id, so Audit's entry can be found from it).</param>
/// <param name="MessageId">The caller's <c>X-Road-Id</c>.</param>
/// <param name="Client">The calling subsystem, <c>INSTANCE/CLASS/MEMBER/SUBSYSTEM</c>; null when the caller could not be identified.</param>
/// <param name="ClientAgency">The agency of the calling client, when it has one.</param>
/// <param name="Service">The service asked for, <c>INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE</c>, as requested.</param>
/// <param name="UserId">The official acting (<c>X-Road-UserId</c>), as the client declared it.</param>
/// <param name="UserRole">The acting official's role (<c>X-Nara-UserRole</c>), as the client declared it.</param>
/// <param name="Issue">The case that caused the request (<c>X-Road-Issue</c>).</param>
/// <param name="SubjectResidentId">The data subject (Registries resident id), when the request named a known resident.</param>
/// <param name="Attributes">The attributes released (allowed) or asked for (refused).</param>
/// <param name="Outcome">One of <see cref="ExchangeOutcomes"/>.</param>
/// <param name="Refusal">The stable reason (see <see cref="ExchangeRefusals"/>) when refused or failed.</param>
/// <param name="RequestHash">The request hash returned as <c>X-Road-Request-Hash</c>.</param>
public sealed record DataExchanged(
    Guid ExchangeId,
    string MessageId,
    string? Client,
    string? ClientAgency,
    string Service,
    string? UserId,
    string? Issue,
    string? Purpose,
    Guid? ConsentRecordId,
    long? SubjectResidentId,
    IReadOnlyList<string> Attributes,
    string Outcome,
    string? Refusal,
    int Status,
    string RequestHash,
    DateTimeOffset OccurredAt,
    string? UserRole = null) : IIntegrationEvent;

public static class ExchangeOutcomes
{
    public const string Success = "success";
    public const string Refused = "refused";
    public const string Failed = "failed";
}

/// <summary>A resident switched the alert for each access to their data on or off.</summary>
public sealed record DataAccessAlertsChanged(long ResidentId, bool Enabled, DateTimeOffset ChangedAt) : IIntegrationEvent;

/// <summary>An administrator changed the exchange's members, subsystems, services or access rights.</summary>
/// <param name="Entity">member, subsystem, service or access-right.</param>
/// <param name="Change">saved, deleted, granted or revoked.</param>
/// <param name="ActorId">The administrator's account id.</param>
public sealed record ExchangeConfigurationChanged(string Entity, string Id, string Change, string ActorId, string? ActorAgency, DateTimeOffset ChangedAt) : IIntegrationEvent;
