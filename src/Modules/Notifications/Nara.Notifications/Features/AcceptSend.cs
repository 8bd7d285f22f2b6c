using Microsoft.EntityFrameworkCore;
using Nara.Notifications.Contracts;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;

namespace Nara.Notifications.Features;

/// <summary>The outcome of storing a send: new, a duplicate of an earlier request, or over the daily cap.</summary>
internal sealed record Acceptance(Guid RequestId, IReadOnlyList<Guid> MessageIds, bool Duplicate, bool OverDailyCap = false);

/// <summary>
/// Stores one accepted send in one transaction: the request row (unique per client and idempotency key),
/// its messages (the dispatcher's outbox), the daily usage and the NotificationAccepted event.
/// </summary>
internal sealed class AcceptSend(NotificationsDbContext db, TimeProvider clock, DispatchSignal signal)
{
    /// <summary>The earlier request for this key, if any, with its message ids.</summary>
    public async Task<Acceptance?> FindAsync(string clientId, string idempotencyKey, CancellationToken ct)
    {
        var requestId = await db.Requests.AsNoTracking()
            .Where(r => r.ClientId == clientId && r.IdempotencyKey == idempotencyKey)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(ct);
        if (requestId is not { } id)
        {
            return null;
        }

        var ids = await db.Messages.AsNoTracking().Where(m => m.RequestId == id).OrderBy(m => m.Id).Select(m => m.Id).Take(1000).ToListAsync(ct);
        return new Acceptance(id, ids, Duplicate: true);
    }

    public async Task<Acceptance> AcceptAsync(SendCaller caller, string idempotencyKey, NotificationTemplate template, IReadOnlyList<ComposedMessage> composed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(composed);
        var now = clock.GetUtcNow();
        var request = new SendRequest { Id = Guid.CreateVersion7(now), ClientId = caller.ClientId, IdempotencyKey = idempotencyKey, MessageCount = composed.Count, CreatedAt = now };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (!await DailyCap.TryConsumeAsync(db, caller, composed.Count, now, ct))
            {
                await transaction.RollbackAsync(ct);
                return new Acceptance(Guid.Empty, [], false, OverDailyCap: true);
            }

            db.Requests.Add(request);
            var messages = composed.Select(c => ToMessage(c, request, caller, template, now)).ToList();
            db.Messages.AddRange(messages);
            db.Publish(Accepted(request, caller, template, composed), now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            signal.Notify();
            return new Acceptance(request.Id, [.. messages.Select(m => m.Id)], false);
        }
        catch (DbUpdateException)
        {
            // The same key raced in from another request or host: the one that committed wins.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await FindAsync(caller.ClientId, idempotencyKey, ct) ?? throw new InvalidOperationException("The send was refused by the database.");
        }
    }

    public static Message ToMessage(ComposedMessage c, SendRequest request, SendCaller caller, NotificationTemplate template, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RequestId = request.Id,
        ClientId = caller.ClientId,
        Reference = c.Reference,
        Channel = c.Channel,
        TemplateId = template.Id,
        TemplateVersion = template.Version,
        Language = c.Language,
        Kind = c.Kind,
        AccountId = c.AccountId,
        To = c.To,
        Subject = c.Subject,
        Body = c.Body,
        Test = caller.Test,
        CreatedAt = now,
        NextAttemptAt = c.NotBefore is { } notBefore && notBefore > now ? notBefore : now,
    };

    public static NotificationAccepted Accepted(SendRequest request, SendCaller caller, NotificationTemplate template, IEnumerable<ComposedMessage> composed) => new(
        request.Id,
        caller.ClientId,
        caller.Agency,
        template.Id,
        template.Version,
        template.Kind,
        request.MessageCount,
        string.Join(' ', composed.Select(c => c.Channel).Distinct()),
        caller.Test);
}
