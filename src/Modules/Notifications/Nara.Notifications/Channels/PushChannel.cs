using System.Net;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nara.Notifications.Contracts;
using Nara.Notifications.Data;
using Nara.Notifications.Domain;
using Nara.Notifications.Push;

namespace Nara.Notifications.Channels;

/// <summary>
/// Web Push (RFC 8030, encrypted per RFC 8291, VAPID per RFC 8292) to every device of the account. A
/// device the push service says is gone (404, 410) is removed. Delivered when any device took it;
/// otherwise temporary when a push service was briefly unavailable, else permanent.
/// </summary>
internal sealed class PushChannel(NotificationsDbContext db, IHttpClientFactory http, VapidKeys keys, IOptions<PushOptions> options, TimeProvider clock) : IDeliveryChannel
{
    public const string HttpClientName = "nara-push";

    // Push services accept about 4 KB of encrypted payload; Korean text is 3 bytes a character.
    private const int MaxBodyCharacters = 900;

    public string Name => NotificationChannels.Push;

    public async Task<DeliveryOutcome> DeliverAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.AccountId is not { } accountId)
        {
            return DeliveryOutcome.Permanent("Push needs an account.");
        }

        var devices = await db.PushDevices.Where(d => d.AccountId == accountId).ToListAsync(ct);
        if (devices.Count == 0)
        {
            return DeliveryOutcome.Permanent("The recipient has no device for push messages.");
        }

        var client = new PushServiceClient(http.CreateClient(HttpClientName)) { AutoRetryAfter = false };
        using var vapid = new VapidAuthentication(keys.PublicKey, keys.PrivateKey) { Subject = keys.Subject };
        var payload = Payload(message);
        var delivered = 0;
        string? temporary = null;
        string? permanent = null;
        foreach (var device in devices)
        {
            var result = await SendAsync(client, vapid, device, payload, message.Kind, ct);
            switch (result)
            {
                case null:
                    delivered++;
                    device.LastSuccessAt = clock.GetUtcNow();
                    break;
                case { Kind: DeliveryOutcomeKind.TemporaryFailure }:
                    temporary = result.Reason;
                    break;
                case { Kind: DeliveryOutcomeKind.PermanentFailure, Reason: Gone }:
                    db.PushDevices.Remove(device);
                    permanent = result.Reason;
                    break;
                default:
                    permanent = result.Reason;
                    break;
            }
        }

        await db.SaveChangesAsync(ct);
        return delivered > 0 ? DeliveryOutcome.Delivered
            : temporary is not null ? DeliveryOutcome.Temporary(temporary)
            : DeliveryOutcome.Permanent(permanent ?? "No device took the message.");
    }

    private const string Gone = "The push subscription has expired or was withdrawn.";

    /// <summary>Null when the push service accepted the message.</summary>
    private async Task<DeliveryOutcome?> SendAsync(PushServiceClient client, VapidAuthentication vapid, PushDevice device, string payload, string kind, CancellationToken ct)
    {
        if (!PushEndpoints.IsAllowed(device.Endpoint, options.Value))
        {
            return DeliveryOutcome.Permanent("The device's push service is not allowed.");
        }

        var subscription = new PushSubscription { Endpoint = device.Endpoint };
        subscription.SetKey(PushEncryptionKeyName.P256DH, device.P256dh);
        subscription.SetKey(PushEncryptionKeyName.Auth, device.Auth);
        var push = new PushMessage(payload)
        {
            TimeToLive = options.Value.TimeToLiveSeconds,
            Urgency = kind is NotificationKinds.Security or NotificationKinds.DisasterAlerts ? PushMessageUrgency.High : PushMessageUrgency.Normal,
        };
        try
        {
            await client.RequestPushMessageDeliveryAsync(subscription, push, vapid, VapidAuthenticationScheme.Vapid, ct);
            return null;
        }
        catch (PushServiceClientException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return DeliveryOutcome.Permanent(Gone);
        }
        catch (PushServiceClientException ex) when (ex.StatusCode is HttpStatusCode.TooManyRequests || (int)ex.StatusCode >= 500)
        {
            return DeliveryOutcome.Temporary($"The push service answered {(int)ex.StatusCode}.");
        }
        catch (PushServiceClientException ex)
        {
            return DeliveryOutcome.Permanent($"The push service refused the message ({(int)ex.StatusCode}).");
        }
        catch (HttpRequestException ex)
        {
            return DeliveryOutcome.Temporary($"The push service could not be reached: {ex.HttpRequestError}.");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return DeliveryOutcome.Temporary("The push service did not answer in time.");
        }
    }

    /// <summary>What the service worker shows: title, text and where a click goes (the inbox).</summary>
    private static string Payload(OutgoingMessage m)
    {
        var body = m.Body.Length <= MaxBodyCharacters ? m.Body : m.Body[..(MaxBodyCharacters - 1)] + "…";
        return JsonSerializer.Serialize(new { title = m.Subject ?? "나라 Nara", body, lang = m.Language, url = "/inbox", tag = m.Id.ToString("N") });
    }
}
