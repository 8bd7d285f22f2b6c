using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nara.Notifications.Contracts;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;
using Nara.Notifications.Push;

namespace Nara.Notifications.Features.Push;

/// <summary>The browser's PushSubscription as its toJSON() gives it.</summary>
internal sealed record PushSubscriptionInput(string? Endpoint, PushKeysInput? Keys);

internal sealed record PushKeysInput(string? P256dh, string? Auth);

/// <summary>Either the stored device or the field at fault with a plain reason.</summary>
internal sealed record SubscribeResult(PushDevice? Device, string? Field = null, string? Error = null);

/// <summary>
/// Stores a browser's push subscription for the signed-in citizen. The endpoint is unique: the same
/// browser subscribing again (or after another person used it) updates its one row. Audit hears of it.
/// </summary>
internal sealed class SubscribePushDevice(NotificationsDbContext db, IOptions<PushOptions> options, TimeProvider clock)
{
    public async Task<SubscribeResult> SubscribeAsync(Guid accountId, PushSubscriptionInput input, string? userAgent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Endpoint is not { } endpoint || !PushEndpoints.IsAllowed(endpoint, options.Value))
        {
            return new SubscribeResult(null, "endpoint", "The endpoint must be an https URL of a known push service.");
        }

        if (!IsKey(input.Keys?.P256dh, 65) || !IsKey(input.Keys?.Auth, 16))
        {
            return new SubscribeResult(null, "keys", "keys.p256dh must be a P-256 public key and keys.auth a 16-byte secret, both base64url.");
        }

        var now = clock.GetUtcNow();
        var device = await db.PushDevices.FirstOrDefaultAsync(d => d.Endpoint == endpoint, ct);
        if (device is null)
        {
            if (await db.PushDevices.CountAsync(d => d.AccountId == accountId, ct) >= options.Value.MaxDevicesPerAccount)
            {
                return new SubscribeResult(null, "endpoint", $"An account may have at most {options.Value.MaxDevicesPerAccount} devices; remove one first.");
            }

            device = new PushDevice { Id = Guid.CreateVersion7(now), Endpoint = endpoint, P256dh = "", Auth = "", Label = "", CreatedAt = now };
            db.PushDevices.Add(device);
        }

        device.AccountId = accountId;
        device.P256dh = input.Keys!.P256dh!;
        device.Auth = input.Keys.Auth!;
        device.Label = PushDeviceLabel.From(userAgent);
        db.Publish(new NotificationPreferencesChanged(accountId, NotificationPreferenceChanges.PushDeviceAdded, null, null, null, $"{device.Id:D} {device.Label}"), now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same browser subscribed twice at once: the first one stored it.
            return new SubscribeResult(null, "endpoint", "This device was just registered; reload the page.");
        }

        return new SubscribeResult(device);
    }

    private static bool IsKey(string? value, int length)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 200)
        {
            return false;
        }

        try
        {
            var bytes = WebEncoders.Base64UrlDecode(value);
            return bytes.Length == length && (length != 65 || bytes[0] == 0x04);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
