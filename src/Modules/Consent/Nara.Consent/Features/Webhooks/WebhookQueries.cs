using Microsoft.EntityFrameworkCore;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features.Webhooks;

/// <summary>A webhook with the status of its newest delivery (null before the first one).</summary>
internal sealed record WebhookListItem(Webhook Webhook, string? LastDeliveryStatus);

/// <summary>One page of rows and how many there are in all.</summary>
internal sealed record WebhookPage<T>(IReadOnlyList<T> Items, int Total);

/// <summary>
/// What an administrator reads about webhooks — the API and the administration page ask the same questions, so
/// they see the same rows: their agency's webhooks (all for the platform agency) and a webhook's recent deliveries.
/// </summary>
internal sealed class WebhookQueries(ConsentDbContext db, SaveWebhook webhooks)
{
    public async Task<WebhookPage<WebhookListItem>> ListAsync(string? administeredAgency, int offset, int limit, CancellationToken ct)
    {
        var query = db.Webhooks.AsNoTracking().Where(w => !w.Deleted && (administeredAgency == null || w.OrganisationId == administeredAgency));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).Skip(offset).Take(limit)
            .Select(w => new
            {
                Webhook = w,
                Last = db.WebhookDeliveries.Where(d => d.WebhookId == w.Id).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Select(d => d.Status).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new([.. rows.Select(r => new WebhookListItem(r.Webhook, r.Last))], total);
    }

    /// <summary>Newest first, each with every attempt; null when the webhook is not the administrator's (or gone).</summary>
    public async Task<WebhookPage<WebhookDelivery>?> DeliveriesAsync(Guid webhookId, string? administeredAgency, int offset, int limit, CancellationToken ct)
    {
        if (await webhooks.FindAsync(webhookId, administeredAgency, ct) is null)
        {
            return null;
        }

        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == webhookId);
        var total = await query.CountAsync(ct);
        var items = await query.Include(d => d.AttemptLog).OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id).Skip(offset).Take(limit).ToListAsync(ct);
        return new(items, total);
    }

    /// <summary>One delivery of one of the administrator's webhooks, with every attempt.</summary>
    public async Task<WebhookDelivery?> DeliveryAsync(Guid webhookId, Guid deliveryId, string? administeredAgency, CancellationToken ct) =>
        await webhooks.FindAsync(webhookId, administeredAgency, ct) is null ? null
            : await db.WebhookDeliveries.AsNoTracking().Include(d => d.AttemptLog).FirstOrDefaultAsync(d => d.Id == deliveryId && d.WebhookId == webhookId, ct);
}
