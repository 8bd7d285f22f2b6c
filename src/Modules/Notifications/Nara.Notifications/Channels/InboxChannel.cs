using Microsoft.EntityFrameworkCore;
using Nara.Notifications.Contracts;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;

namespace Nara.Notifications.Channels;

/// <summary>
/// The portal inbox: delivering is storing the rendered message as an item for the account. The item is
/// keyed by message, so a message sent again (a lease that ran out mid-send) finds its item and adds none.
/// </summary>
internal sealed class InboxChannel(NotificationsDbContext db, TimeProvider clock) : IDeliveryChannel
{
    public string Name => NotificationChannels.Inbox;

    public async Task<DeliveryOutcome> DeliverAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.AccountId is not { } accountId)
        {
            return DeliveryOutcome.Permanent("The inbox needs an account.");
        }

        if (await db.InboxItems.AnyAsync(i => i.MessageId == message.Id, ct))
        {
            return DeliveryOutcome.Delivered;
        }

        var now = clock.GetUtcNow();
        db.InboxItems.Add(new InboxItem
        {
            Id = Guid.CreateVersion7(now),
            AccountId = accountId,
            MessageId = message.Id,
            Kind = message.Kind,
            Language = message.Language,
            Subject = string.IsNullOrWhiteSpace(message.Subject) ? Fallback(message.Body) : message.Subject,
            Body = message.Body,
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another host stored the same message a moment earlier: it is there, which is what counts.
            db.ChangeTracker.Clear();
            if (!await db.InboxItems.AsNoTracking().AnyAsync(i => i.MessageId == message.Id, ct))
            {
                throw;
            }
        }

        return DeliveryOutcome.Delivered;
    }

    /// <summary>A message without a subject (an SMS-style template) is titled by its first line.</summary>
    private static string Fallback(string body)
    {
        var line = body.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length <= 80 ? line : line[..79] + "…";
    }
}
