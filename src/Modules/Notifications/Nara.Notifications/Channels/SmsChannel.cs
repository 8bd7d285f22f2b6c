using Nara.Notifications.Contracts;
using Nara.Notifications.Templates;

namespace Nara.Notifications.Channels;

/// <summary>A text message as a gateway receives it. <paramref name="Class"/> is "sms" (≤ 90 bytes) or "lms".</summary>
internal sealed record SmsMessage(Guid Id, string To, string Text, string Class, string? Subject);

/// <summary>An SMS operator's gateway. The default writes files; operators' HTTP gateways implement this.</summary>
internal interface ISmsGateway
{
    Task<DeliveryOutcome> SendAsync(SmsMessage message, CancellationToken ct);
}

/// <summary>SMS and LMS through the configured <see cref="ISmsGateway"/>.</summary>
internal sealed class SmsChannel(ISmsGateway gateway) : IDeliveryChannel
{
    public string Name => NotificationChannels.Sms;

    public Task<DeliveryOutcome> DeliverAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var kind = SmsLength.Class(message.Body);
        return kind is null
            ? Task.FromResult(DeliveryOutcome.Technical("The SMS text is too long."))
            : gateway.SendAsync(new SmsMessage(message.Id, message.To, message.Body, kind, kind == "lms" ? message.Subject : null), ct);
    }
}
