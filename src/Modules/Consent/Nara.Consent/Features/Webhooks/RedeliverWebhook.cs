using Microsoft.EntityFrameworkCore;
using Nara.Consent.Contracts;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features.Webhooks;

/// <summary>
/// Sends a finished delivery again on an administrator's request (after the receiver was fixed, or lost what it
/// got): the same body — same delivery and event ids, so a receiver that already has it can drop it — signed with
/// the webhook's current secret, with a fresh round of retries. A delivery still pending is already on its way.
/// </summary>
internal sealed class RedeliverWebhook(ConsentDbContext db, SaveWebhook webhooks, TimeProvider clock)
{
    public async Task<Outcome<WebhookDelivery>> ExecuteAsync(Guid webhookId, Guid deliveryId, ConsentActor actor, string? administeredAgency, CancellationToken ct)
    {
        if (await webhooks.FindAsync(webhookId, administeredAgency, ct) is not { } hook)
        {
            return Outcome<WebhookDelivery>.NotFound($"No webhook {webhookId}.");
        }

        var delivery = await db.WebhookDeliveries.Include(d => d.AttemptLog).FirstOrDefaultAsync(d => d.Id == deliveryId && d.WebhookId == webhookId, ct);
        if (delivery is null)
        {
            return Outcome<WebhookDelivery>.NotFound($"Webhook {webhookId} has no delivery {deliveryId}.");
        }

        if (delivery.Status == WebhookStatuses.Pending)
        {
            return Outcome<WebhookDelivery>.Conflict("This delivery is still being attempted; it can be sent again once it was delivered or has failed.");
        }

        if (hook.Disabled)
        {
            return Outcome<WebhookDelivery>.Conflict("The webhook is disabled; enable it before sending a delivery again.");
        }

        var now = ConsentTime.Now(clock);
        delivery.Status = WebhookStatuses.Pending;
        delivery.RoundStartAttempts = delivery.Attempts;
        delivery.NextAttemptAt = now;
        delivery.DeliveredAt = null;
        db.Publish(new ConsentWebhookChanged(hook.Id, hook.OrganisationId, "redelivery-requested", hook.PayloadUrl, [.. hook.SubscribedEvents], hook.Disabled, actor, now, delivery.Id), now);
        await db.SaveChangesAsync(ct);
        return Outcome<WebhookDelivery>.Ok(delivery);
    }
}
