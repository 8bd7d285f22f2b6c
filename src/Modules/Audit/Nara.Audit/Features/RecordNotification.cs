using System.Globalization;
using Nara.Audit.Contracts;
using Nara.Kernel.Events;
using Nara.Notifications.Contracts;

namespace Nara.Audit.Features;

/// <summary>
/// Every accepted send, every message's final status and every template change is logged: who sent
/// which template to how many, on which channel, and how it ended. Never a body, an address or a code.
/// </summary>
internal sealed class RecordNotification(IAuditLog log) :
    IQueuedIntegrationEventHandler,
    IIntegrationEventHandler<NotificationAccepted>,
    IIntegrationEventHandler<NotificationCompleted>,
    IIntegrationEventHandler<NotificationTemplateSaved>
{
    private const string Module = "Notifications";

    public Task HandleAsync(IntegrationEventEnvelope<NotificationAccepted> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var detail = new Dictionary<string, string>
        {
            ["template"] = $"{e.TemplateId}@{e.TemplateVersion}",
            ["kind"] = e.Kind,
            ["count"] = e.MessageCount.ToString(CultureInfo.InvariantCulture),
            ["channels"] = e.Channels,
            ["test"] = e.Test ? "true" : "false",
        };
        return AppendAsync(envelope, Sender(e.ClientId, e.Agency), "notifications.send.accept", new AuditSubject("notification-request", e.RequestId.ToString("D")), AuditOutcomes.Success, detail, cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<NotificationCompleted> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var detail = new Dictionary<string, string>
        {
            ["request"] = e.RequestId.ToString("D"),
            ["channel"] = e.Channel,
            ["template"] = $"{e.TemplateId}@{e.TemplateVersion}",
            ["status"] = e.Status,
            ["attempts"] = e.Attempts.ToString(CultureInfo.InvariantCulture),
        };
        if (e.AccountId is { } account)
        {
            detail["account"] = account.ToString("D");
        }

        var outcome = e.Status == "delivered" ? AuditOutcomes.Success : AuditOutcomes.Failed;
        return AppendAsync(envelope, Sender(e.ClientId, null), "notifications.message.complete", new AuditSubject("notification", e.MessageId.ToString("D")), outcome, detail, cancellationToken);
    }

    public Task HandleAsync(IntegrationEventEnvelope<NotificationTemplateSaved> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var actor = e.ActorKind == "official" ? AuditActor.Official(e.ActorId, e.Agency, "template-editor") : AuditActor.AgencyClient(e.ActorId, e.Agency);
        var detail = new Dictionary<string, string> { ["version"] = e.Version.ToString(CultureInfo.InvariantCulture) };
        return AppendAsync(envelope, actor, "notifications.template.save", new AuditSubject("notification-template", e.TemplateId), AuditOutcomes.Success, detail, cancellationToken);
    }

    private static AuditActor Sender(string clientId, string? agency) =>
        clientId == "module" ? AuditActor.System("notifications") : AuditActor.AgencyClient(clientId, agency);

    private Task<AuditReceipt> AppendAsync<T>(IntegrationEventEnvelope<T> envelope, AuditActor actor, string action, AuditSubject subject, string outcome, Dictionary<string, string> detail, CancellationToken ct)
        where T : IIntegrationEvent =>
        log.AppendAsync(new AuditEntry(envelope.OccurredAt, actor, action, subject, null, outcome, null, Module, detail, envelope.MessageId), ct);
}
