using Microsoft.EntityFrameworkCore;
using Nara.Notifications.Data;

namespace Nara.Notifications.Features;

internal sealed record MessageStatusView(
    Guid Id, Guid RequestId, string? Reference, string Channel, string Status, string? Reason, string TemplateId, int TemplateVersion,
    int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? CompletedAt, bool Test);

internal sealed record RequestStatusView(Guid Id, string IdempotencyKey, int MessageCount, DateTimeOffset CreatedAt, IReadOnlyDictionary<string, int> Statuses);

/// <summary>A client sees the status of its own messages only.</summary>
internal sealed class QueryStatus(NotificationsDbContext db)
{
    public Task<MessageStatusView?> MessageAsync(string clientId, Guid id, CancellationToken ct) =>
        db.Messages.AsNoTracking()
            .Where(m => m.Id == id && m.ClientId == clientId)
            .Select(m => new MessageStatusView(m.Id, m.RequestId, m.Reference, m.Channel, m.Status, m.Reason, m.TemplateId, m.TemplateVersion, m.Attempts, m.CreatedAt, m.SentAt, m.CompletedAt, m.Test))
            .FirstOrDefaultAsync(ct);

    public async Task<RequestStatusView?> RequestAsync(string clientId, Guid id, CancellationToken ct)
    {
        var request = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.ClientId == clientId, ct);
        if (request is null)
        {
            return null;
        }

        var counts = await db.Messages.AsNoTracking().Where(m => m.RequestId == id)
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new RequestStatusView(request.Id, request.IdempotencyKey, request.MessageCount, request.CreatedAt, counts.ToDictionary(c => c.Key, c => c.Count));
    }
}
