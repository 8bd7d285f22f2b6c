using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nara.Consent.Contracts;
using Nara.Consent.Data;
using Nara.Consent.Domain;
using Nara.Kernel.Events;

namespace Nara.Consent.Features.Webhooks;

/// <summary>
/// Turns the module's own committed events (read from its outbox, so a rolled-back change never notifies
/// anyone) into one pending delivery per subscribed webhook. An agency's webhooks receive the events of
/// agreements it controls or is a recipient of. Idempotent: the inbox row and the unique (webhook, event) index.
/// </summary>
internal sealed class QueueWebhookDeliveries(ConsentDbContext db, TimeProvider clock) :
    IIntegrationEventHandler<ConsentGiven>,
    IIntegrationEventHandler<ConsentWithdrawn>,
    IIntegrationEventHandler<ConsentRecordsForgotten>,
    IIntegrationEventHandler<DataAgreementChanged>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task HandleAsync(IntegrationEventEnvelope<ConsentGiven> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        await QueueAsync(envelope.MessageId, WebhookEvents.ConsentAllowed, await PartiesAsync([e.DataAgreementId], cancellationToken), new
        {
            consentRecordId = e.ConsentRecordId, dataAgreementId = e.DataAgreementId, dataAgreementVersion = e.DataAgreementVersion,
            controller = e.Controller, individualId = e.IndividualId, revisionHash = e.RevisionHash, optIn = true, at = e.At,
        }, cancellationToken);
    }

    public async Task HandleAsync(IntegrationEventEnvelope<ConsentWithdrawn> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        await QueueAsync(envelope.MessageId, WebhookEvents.ConsentDisallowed, await PartiesAsync([e.DataAgreementId], cancellationToken), new
        {
            consentRecordId = e.ConsentRecordId, dataAgreementId = e.DataAgreementId, controller = e.Controller,
            individualId = e.IndividualId, revisionHash = e.RevisionHash, optIn = false, at = e.At,
        }, cancellationToken);
    }

    public async Task HandleAsync(IntegrationEventEnvelope<ConsentRecordsForgotten> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        await QueueAsync(envelope.MessageId, WebhookEvents.ConsentForgotten, await PartiesAsync(e.DataAgreementIds, cancellationToken), new
        {
            individualId = e.IndividualId, recordCount = e.RecordCount, dataAgreementIds = e.DataAgreementIds, at = e.At,
        }, cancellationToken);
    }

    public async Task HandleAsync(IntegrationEventEnvelope<DataAgreementChanged> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var parties = await PartiesAsync([e.DataAgreementId], cancellationToken);
        parties.Add(e.Controller);
        await QueueAsync(envelope.MessageId, WebhookEvents.DataAgreementChanged, parties, new
        {
            dataAgreementId = e.DataAgreementId, version = e.Version, controller = e.Controller, change = e.Change, revisionHash = e.RevisionHash, at = e.At,
        }, cancellationToken);
    }

    /// <summary>A test delivery to one webhook (POST config/webhook/{id}/ping/), queued like any event.</summary>
    public static WebhookDelivery Ping(Webhook webhook, DateTimeOffset now) =>
        NewDelivery(webhook, Guid.NewGuid(), WebhookEvents.Ping, new { message = "Nara consent webhook ping" }, now);

    private async Task QueueAsync(Guid messageId, string type, HashSet<string> parties, object data, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!await db.MarkProcessedAsync(messageId, nameof(QueueWebhookDeliveries), now, ct))
        {
            return;
        }

        var candidates = await db.Webhooks.AsNoTracking()
            .Where(w => !w.Deleted && !w.Disabled && parties.Contains(w.OrganisationId))
            .ToListAsync(ct);
        foreach (var webhook in candidates.Where(w => w.SubscribedEvents.Contains(type)))
        {
            db.WebhookDeliveries.Add(NewDelivery(webhook, messageId, type, data, now));
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<HashSet<string>> PartiesAsync(IReadOnlyList<Guid> agreementIds, CancellationToken ct)
    {
        var agreements = await db.DataAgreements.AsNoTracking().Where(a => agreementIds.Contains(a.Id))
            .Select(a => new { a.ControllerId, a.Recipients }).ToListAsync(ct);
        return [.. agreements.SelectMany(a => a.Recipients.Append(a.ControllerId))];
    }

    private static WebhookDelivery NewDelivery(Webhook webhook, Guid eventId, string type, object data, DateTimeOffset now)
    {
        var id = Guid.NewGuid();
        var payload = JsonSerializer.Serialize(new
        {
            deliveryId = id, webhookId = webhook.Id, organisationId = webhook.OrganisationId, eventId, type, timestamp = now, data,
        }, Json);
        return new WebhookDelivery
        {
            Id = id, WebhookId = webhook.Id, EventId = eventId, EventType = type, Payload = payload,
            Status = WebhookStatuses.Pending, CreatedAt = now, NextAttemptAt = now,
        };
    }
}
