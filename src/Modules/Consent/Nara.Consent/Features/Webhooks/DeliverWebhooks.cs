using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features.Webhooks;

/// <summary>
/// Sends due webhook deliveries: POSTs the stored body with <see cref="WebhookEvents.SignatureHeader"/> =
/// <c>sha256=</c> hex HMAC-SHA256 of the body under the webhook's secret. A 2xx answer delivers it; anything else
/// (or no answer within 10 s) is recorded as an attempt and retried with exponential back-off (30 s, 1, 2, 4 …
/// minutes) until <see cref="MaxAttempts"/>, after which the delivery is marked failed.
/// </summary>
internal sealed partial class DeliverWebhooks(ConsentDbContext db, IHttpClientFactory http, TimeProvider clock, ILogger<DeliverWebhooks> logger)
{
    public const string HttpClientName = "consent-webhooks";
    public const int MaxAttempts = 8;
    private const int BatchSize = 50;

    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(30 * Math.Pow(2, Math.Min(attempts - 1, 10)));

    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>One pass over due deliveries; returns how many were attempted (the worker loops while there are any).</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.WebhookDeliveries
            .Where(d => d.Status == WebhookStatuses.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var hookIds = due.Select(d => d.WebhookId).Distinct().ToList();
        var hooks = await db.Webhooks.AsNoTracking().Where(w => hookIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        foreach (var delivery in due)
        {
            var hook = hooks[delivery.WebhookId];
            if (hook.Deleted)
            {
                delivery.Status = WebhookStatuses.Failed; // nobody to deliver to any more
                continue;
            }

            await AttemptAsync(hook, delivery, ct);
        }

        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    private async Task AttemptAsync(Webhook hook, WebhookDelivery delivery, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        int? status = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, hook.PayloadUrl)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, WebhookEvents.JsonContentType),
            };
            request.Headers.Add(WebhookEvents.SignatureHeader, Sign(hook.SecretKey, delivery.Payload));
            if (hook.PreviousSecretKey is { } previous && hook.PreviousSecretExpiresAt > started)
            {
                request.Headers.Add(WebhookEvents.PreviousSignatureHeader, Sign(previous, delivery.Payload));
            }

            request.Headers.Add("X-ConsentBB-Event", delivery.EventType);
            request.Headers.Add("X-ConsentBB-Delivery", delivery.Id.ToString());
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
            error = response.IsSuccessStatusCode ? null : $"The receiver answered {status}.";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            error = e is TaskCanceledException ? "No answer within 10 seconds." : Truncate(e.Message);
        }

        delivery.Attempts++;
        db.WebhookAttempts.Add(new WebhookAttempt
        {
            Id = Guid.NewGuid(), DeliveryId = delivery.Id, Number = delivery.Attempts, At = started, StatusCode = status, Error = error,
            DurationMs = watch.ElapsedMilliseconds,
        });
        if (error is null)
        {
            delivery.Status = WebhookStatuses.Delivered;
            delivery.DeliveredAt = started;
        }
        else if (delivery.Attempts - delivery.RoundStartAttempts >= MaxAttempts)
        {
            delivery.Status = WebhookStatuses.Failed;
            LogGaveUp(logger, delivery.Id, hook.Id, delivery.Attempts);
        }
        else
        {
            delivery.NextAttemptAt = started + Backoff(delivery.Attempts - delivery.RoundStartAttempts);
        }
    }

    private static string Truncate(string s) => s.Length <= 500 ? s : s[..500];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {WebhookId} failed {Attempts} times; giving up.")]
    private static partial void LogGaveUp(ILogger logger, Guid deliveryId, Guid webhookId, int attempts);
}
