using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Events;
using Nara.Notifications.Contracts;
using Nara.Notifications.Data;

namespace Nara.Notifications.Features;

/// <summary>
/// POSTs a message's final status to the agency's callback URL, GOV.UK Notify style. It runs from the
/// module's outbox, so a callback that fails is retried with back-off; the payload carries no body and
/// no address.
/// </summary>
internal sealed class DeliverCallback(NotificationsDbContext db, IHttpClientFactory http) : IIntegrationEventHandler<NotificationCompleted>
{
    public const string HttpClientName = "notifications-callbacks";

    public async Task HandleAsync(IntegrationEventEnvelope<NotificationCompleted> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        if (e.ClientId == SendCaller.ModuleClientId)
        {
            return;
        }

        var url = await db.Clients.AsNoTracking().Where(c => c.ClientId == e.ClientId).Select(c => c.CallbackUrl).FirstOrDefaultAsync(cancellationToken);
        if (url is null)
        {
            return;
        }

        var payload = new CallbackPayload(e.MessageId, e.RequestId, e.Reference, e.Channel, e.Status, e.Reason, e.TemplateId, e.TemplateVersion, e.CreatedAt, e.SentAt, e.CompletedAt);
        using var client = http.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(new Uri(url), payload, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>What the agency's callback URL receives.</summary>
internal sealed record CallbackPayload(
    Guid Id,
    Guid RequestId,
    string? Reference,
    string Channel,
    string Status,
    string? Reason,
    string TemplateId,
    int TemplateVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset CompletedAt);
