using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nara.Notifications.Contracts;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;

namespace Nara.Notifications.Features;

/// <summary>One recipient of a bulk send.</summary>
internal sealed record BulkRecipient(string? Email, string? PhoneNumber, Guid? AccountId, string? ResidentId, Dictionary<string, string>? Personalisation, string? Reference);

/// <param name="Severity">Disaster alerts only, for every recipient of the request (a cell-broadcast style alert has one level).</param>
internal sealed record BulkParameters(string TemplateId, string? Channel, string? Language, string? Kind, string? Severity = null);

internal sealed record BulkOutcome(Guid RequestId, int Count, bool Duplicate, SendRefusal? Refusal = null, bool OverDailyCap = false);

internal static class BulkJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}

/// <summary>
/// A bulk send of any size, streamed: each recipient is checked and rendered as it is read, and stored
/// in chunks inside one transaction. A bad recipient anywhere rolls it all back (nothing queued) and
/// names the recipient's position; the idempotency key covers the whole request.
/// </summary>
internal sealed class SendBulk(
    NotificationsDbContext db, TemplateStore templates, ComposeMessages compose, AcceptSend accept,
    DispatchSignal signal, TimeProvider clock, IOptions<NotificationsOptions> options)
{
    private const int Chunk = 2_000;

    public async Task<BulkOutcome> SendAsync(SendCaller caller, BulkParameters p, string idempotencyKey, IAsyncEnumerable<BulkRecipient?> recipients, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(recipients);
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200)
        {
            return Refuse("idempotencyKey", "An Idempotency-Key header of 1 to 200 characters is required.");
        }

        if (await accept.FindAsync(caller.ClientId, idempotencyKey, ct) is { } earlier)
        {
            var count = await db.Messages.CountAsync(m => m.RequestId == earlier.RequestId, ct);
            return new BulkOutcome(earlier.RequestId, count, true);
        }

        var template = await templates.FindAsync(p.TemplateId, null, ct);
        if (template is null || (caller.Agency is { } agency && template.AgencyCode != agency && template.AgencyCode != Templates.BuiltInTemplates.Agency))
        {
            return Refuse("templateId", $"There is no template '{p.TemplateId}' for this agency.");
        }

        var now = clock.GetUtcNow();
        var request = new SendRequest { Id = Guid.CreateVersion7(now), ClientId = caller.ClientId, IdempotencyKey = idempotencyKey, CreatedAt = now };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Requests.Add(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var raced = await accept.FindAsync(caller.ClientId, idempotencyKey, ct);
            return raced is null ? Refuse("idempotencyKey", "The request could not be stored.") : new BulkOutcome(raced.RequestId, raced.MessageIds.Count, true);
        }

        var (total, channels, refusal) = await StoreAsync(caller, p, template, request, recipients, now, ct);
        if (refusal is not null)
        {
            await transaction.RollbackAsync(ct);
            return new BulkOutcome(Guid.Empty, 0, false, refusal);
        }

        if (!await DailyCap.TryConsumeAsync(db, caller, total, now, ct))
        {
            await transaction.RollbackAsync(ct);
            return new BulkOutcome(Guid.Empty, 0, false, OverDailyCap: true);
        }

        await db.Requests.Where(r => r.Id == request.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.MessageCount, total), ct);
        request.MessageCount = total;
        db.Publish(new NotificationAccepted(request.Id, caller.ClientId, caller.Agency, template.Id, template.Version, template.Kind, total, string.Join(' ', channels), caller.Test), now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        signal.Notify();
        return new BulkOutcome(request.Id, total, false);
    }

    private async Task<(int Total, IReadOnlyCollection<string> Channels, SendRefusal? Refusal)> StoreAsync(
        SendCaller caller, BulkParameters p, NotificationTemplate template, SendRequest request,
        IAsyncEnumerable<BulkRecipient?> recipients, DateTimeOffset now, CancellationToken ct)
    {
        var total = 0;
        var index = -1;
        HashSet<string> channels = [];
        List<Message> pending = [];
        try
        {
            await foreach (var r in recipients.WithCancellation(ct))
            {
                index++;
                if (index >= options.Value.MaxBulkRecipients)
                {
                    return (0, channels, new SendRefusal("recipients", $"A bulk request may carry at most {options.Value.MaxBulkRecipients} recipients."));
                }

                if (r is null)
                {
                    return (0, channels, new SendRefusal($"recipients[{index}]", "A recipient is null."));
                }

                var input = new SendInput(new NotificationRecipient(r.AccountId, r.ResidentId, r.Email, r.PhoneNumber), r.Personalisation ?? [], p.Kind, p.Channel, p.Language, r.Reference, p.Severity);
                var composition = await compose.ComposeAsync(template, input, ct);
                if (composition.Error is not null)
                {
                    return (0, channels, new SendRefusal($"recipients[{index}].{composition.Field}", composition.Error));
                }

                foreach (var message in composition.Messages)
                {
                    pending.Add(AcceptSend.ToMessage(message, request, caller, template, now));
                    channels.Add(message.Channel);
                }

                if (pending.Count >= Chunk)
                {
                    total += await FlushAsync(pending, ct);
                }
            }
        }
        catch (JsonException ex)
        {
            return (0, channels, new SendRefusal(index < 0 ? "recipients" : $"recipients[{index + 1}]", $"The body is not a JSON array of recipients: {ex.Message}"));
        }

        total += await FlushAsync(pending, ct);
        // An empty array is a mistake; recipients whose preferences leave nothing to send are not.
        return index < 0 ? (0, channels, new SendRefusal("recipients", "There are no recipients.")) : (total, channels, null);
    }

    private static BulkOutcome Refuse(string field, string message) => new(Guid.Empty, 0, false, new SendRefusal(field, message));

    private async Task<int> FlushAsync(List<Message> pending, CancellationToken ct)
    {
        var count = pending.Count;
        db.Messages.AddRange(pending);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        pending.Clear();
        return count;
    }
}
