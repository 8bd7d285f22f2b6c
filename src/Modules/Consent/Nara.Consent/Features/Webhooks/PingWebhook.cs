using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features.Webhooks;

/// <summary>
/// Queues a <c>webhook.ping</c> for one of the administrator's webhooks: the worker sends it like any other
/// delivery (signed, retried), so a test shows exactly what a real event would meet. Never sent inside the request.
/// </summary>
internal sealed class PingWebhook(ConsentDbContext db, SaveWebhook webhooks, TimeProvider clock)
{
    public async Task<Outcome<WebhookDelivery>> ExecuteAsync(Guid webhookId, string? administeredAgency, CancellationToken ct)
    {
        if (await webhooks.FindAsync(webhookId, administeredAgency, ct) is not { } hook)
        {
            return Outcome<WebhookDelivery>.NotFound($"No webhook {webhookId}.");
        }

        var delivery = QueueWebhookDeliveries.Ping(hook, clock.GetUtcNow());
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        return Outcome<WebhookDelivery>.Ok(delivery);
    }
}
