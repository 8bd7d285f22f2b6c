using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Data;
using Nara.Kernel.Events;
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

        return new Acceptance(id, await MessageIdsAsync(id, ct), Duplicate: true);
    }

    private async Task<List<Guid>> MessageIdsAsync(Guid requestId, CancellationToken ct) =>
        await db.Messages.AsNoTracking().Where(m => m.RequestId == requestId).OrderBy(m => m.Id).Select(m => m.Id).Take(1000).ToListAsync(ct);

    /// <summary>Stores the send through the group commit; returns once it is durable.</summary>
    public Task<Acceptance> AcceptAsync(SendCaller caller, string idempotencyKey, NotificationTemplate template, IReadOnlyList<ComposedMessage> composed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(composed);
        return pipeline.EnqueueAsync(new AcceptItem(caller, idempotencyKey, template, composed), ct);
    }

    /// <summary>
    /// Stores several sends in one transaction (one commit; the rows by <see cref="BulkInsert"/>). A key sent before (or twice in the
    /// batch) gets the earlier messages, found with one query per client. The daily cap is taken once per client
    /// for the whole batch; only a client whose batch would cross its cap has its sends taken in turn, so a send
    /// over the cap is refused alone. Throws if the database refuses any row; nothing is then stored.
    /// </summary>
    public async Task<IReadOnlyList<Acceptance>> StoreBatchAsync(IReadOnlyList<AcceptItem> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = clock.GetUtcNow();
        var results = new Acceptance[items.Count];
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var earlier = await EarlierAsync(items, ct);
        var first = new Dictionary<(string Client, string Key), int>();
        var fresh = new List<int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var key = (items[i].Caller.ClientId, items[i].IdempotencyKey);
            if (earlier.TryGetValue(key, out var found))
            {
                results[i] = found;
            }
            else if (first.TryAdd(key, i))
            {
                fresh.Add(i);
            }
        }

        var rows = new Rows();
        foreach (var group in fresh.GroupBy(i => items[i].Caller.ClientId, StringComparer.Ordinal))
        {
            await StageClientAsync(items, [.. group], results, rows, now, ct);
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (results[i] is null)
            {
                // The same key twice in one batch: the second repeats the first.
                var original = results[first[(items[i].Caller.ClientId, items[i].IdempotencyKey)]];
                results[i] = original.OverDailyCap ? original : original with { Duplicate = true };
            }
        }

        await db.SaveChangesAsync(ct);
        await BulkInsert.InsertAsync(db, rows.Requests, ct);
        await BulkInsert.InsertAsync(db, rows.Messages, ct);
        await BulkInsert.InsertAsync(db, rows.Events, ct);
        await transaction.CommitAsync(ct);
        return results;
    }

    private async Task StageClientAsync(IReadOnlyList<AcceptItem> items, List<int> indexes, Acceptance[] results, Rows rows, DateTimeOffset now, CancellationToken ct)
    {
        var caller = items[indexes[0]].Caller;
        if (await DailyCap.TryConsumeAsync(db, caller, indexes.Sum(i => items[i].Composed.Count), now, ct))
        {
            indexes.ForEach(i => results[i] = Stage(items[i], now, rows));
            return;
        }

        foreach (var i in indexes)
        {
            // Near the cap: each send takes its share in turn, written (not committed) so the next one sees it.
            results[i] = await StageAsync(items[i], now, ct);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The requests already stored under the batch's keys, with their message ids.</summary>
    private async Task<Dictionary<(string Client, string Key), Acceptance>> EarlierAsync(IReadOnlyList<AcceptItem> items, CancellationToken ct)
    {
        var found = new Dictionary<(string Client, string Key), Acceptance>();
        foreach (var group in items.GroupBy(i => i.Caller.ClientId, StringComparer.Ordinal))
        {
            var client = group.Key;
            var keys = group.Select(i => i.IdempotencyKey).Distinct(StringComparer.Ordinal).ToList();
            var requests = await db.Requests.AsNoTracking()
                .Where(r => r.ClientId == client && keys.Contains(r.IdempotencyKey))
                .Select(r => new { r.IdempotencyKey, r.Id })
                .ToListAsync(ct);
            foreach (var request in requests)
            {
                found[(client, request.IdempotencyKey)] = new Acceptance(request.Id, await MessageIdsAsync(request.Id, ct), Duplicate: true);
            }
        }

        return found;
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

    private async Task<Acceptance> StageAsync(AcceptItem item, DateTimeOffset now, CancellationToken ct) =>
        await DailyCap.TryConsumeAsync(db, item.Caller, item.Composed.Count, now, ct)
            ? Stage(item, now)
            : new Acceptance(Guid.Empty, [], false, OverDailyCap: true);

    /// <summary>
    /// Adds the request, its messages and the NotificationAccepted event to <paramref name="rows"/> (written by
    /// bulk inserts at the end of the batch) or, without it, to the unit of work.
    /// </summary>
    private Acceptance Stage(AcceptItem item, DateTimeOffset now, Rows? rows = null)
    {
        var (caller, template, composed) = (item.Caller, item.Template, item.Composed);
        var request = new SendRequest { Id = Guid.CreateVersion7(now), ClientId = caller.ClientId, IdempotencyKey = item.IdempotencyKey, MessageCount = composed.Count, CreatedAt = now };
        var messages = composed.Select(c => ToMessage(c, request, caller, template, now)).ToList();
        var accepted = Accepted(request, caller, template, composed);
        if (rows is null)
        {
            db.Requests.Add(request);
            db.Messages.AddRange(messages);
            db.Publish(accepted, now);
        }
        else
        {
            rows.Requests.Add(request);
            rows.Messages.AddRange(messages);
            rows.Events.Add(OutboxMessage.Create(accepted, now));
        }

        return new Acceptance(request.Id, [.. messages.Select(m => m.Id)], false);
    }

    /// <summary>The new rows of a batch, inserted several to a statement instead of one SaveChanges entry each.</summary>
    private sealed class Rows
    {
        public List<SendRequest> Requests { get; } = [];

        public List<Message> Messages { get; } = [];

        public List<OutboxMessage> Events { get; } = [];
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
