using Microsoft.EntityFrameworkCore;
using Nara.Notifications.Contracts;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;

namespace Nara.Notifications.Features;

/// <summary>The outcome of storing a send: new, a duplicate of an earlier request, or over the daily cap.</summary>
internal sealed record Acceptance(Guid RequestId, IReadOnlyList<Guid> MessageIds, bool Duplicate, bool OverDailyCap = false);

/// <summary>
/// Stores accepted sends: the request row (unique per client and idempotency key), its messages (the
/// dispatcher's outbox), the daily usage and the NotificationAccepted event, all in one transaction.
/// Single sends go through <see cref="AcceptPipeline"/>, which commits many at once.
/// </summary>
internal sealed class AcceptSend(NotificationsDbContext db, TimeProvider clock, AcceptPipeline pipeline)
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

    /// <summary>Stores the send through the group commit; returns once it is durable.</summary>
    public Task<Acceptance> AcceptAsync(SendCaller caller, string idempotencyKey, NotificationTemplate template, IReadOnlyList<ComposedMessage> composed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(composed);
        return pipeline.EnqueueAsync(new AcceptItem(caller, idempotencyKey, template, composed), ct);
    }

    /// <summary>
    /// Stores several sends in one transaction (one commit). Each send's daily cap is taken in turn, so a
    /// send over the cap is refused alone. Throws if the database refuses any row; nothing is then stored.
    /// </summary>
    public async Task<IReadOnlyList<Acceptance>> StoreBatchAsync(IReadOnlyList<AcceptItem> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = clock.GetUtcNow();
        var results = new Acceptance[items.Count];
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < items.Count; i++)
        {
            results[i] = await StageAsync(items[i], now, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return results;
    }

    /// <summary>One send in its own transaction; a key that raced in from elsewhere returns the winner's messages.</summary>
    public async Task<Acceptance> StoreOneAsync(AcceptItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var acceptance = await StageAsync(item, clock.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return acceptance;
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await FindAsync(item.Caller.ClientId, item.IdempotencyKey, ct) ?? throw new InvalidOperationException("The send was refused by the database.");
        }
    }

    private async Task<Acceptance> StageAsync(AcceptItem item, DateTimeOffset now, CancellationToken ct)
    {
        var (caller, template, composed) = (item.Caller, item.Template, item.Composed);
        if (!await DailyCap.TryConsumeAsync(db, caller, composed.Count, now, ct))
        {
            return new Acceptance(Guid.Empty, [], false, OverDailyCap: true);
        }

        var request = new SendRequest { Id = Guid.CreateVersion7(now), ClientId = caller.ClientId, IdempotencyKey = item.IdempotencyKey, MessageCount = composed.Count, CreatedAt = now };
        db.Requests.Add(request);
        var messages = composed.Select(c => ToMessage(c, request, caller, template, now)).ToList();
        db.Messages.AddRange(messages);
        db.Publish(Accepted(request, caller, template, composed), now);

        // Written (not committed) now, so the next send's daily-cap UPDATE sees this one's usage row.
        await db.SaveChangesAsync(ct);
        return new Acceptance(request.Id, [.. messages.Select(m => m.Id)], false);
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
