namespace Nara.Notifications.Channels;

/// <summary>
/// A way of reaching someone (email, SMS, inbox, push). Every registered channel is picked by
/// <see cref="Name"/> by the dispatcher; adding a channel is one more registration in the module.
/// </summary>
internal interface IDeliveryChannel
{
    /// <summary>One of <see cref="Contracts.NotificationChannels"/>.</summary>
    string Name { get; }

    /// <summary>Hands the message over. Should not throw for delivery problems: say so in the outcome.</summary>
    Task<DeliveryOutcome> DeliverAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>A rendered message as a channel sees it.</summary>
/// <param name="To">Email address, mobile number, or the account id for inbox and push.</param>
/// <param name="Language">"ko" or "en", for the HTML lang attribute and the like.</param>
internal sealed record OutgoingMessage(
    Guid Id,
    string Channel,
    string To,
    Guid? AccountId,
    string Language,
    string Kind,
    string TemplateId,
    string? Subject,
    string Body);

/// <summary>What a channel reports. Temporary failures are retried with back-off; the others are final.</summary>
internal sealed record DeliveryOutcome(DeliveryOutcomeKind Kind, string? Reason = null)
{
    public static DeliveryOutcome Delivered { get; } = new(DeliveryOutcomeKind.Delivered);

    public static DeliveryOutcome Temporary(string reason) => new(DeliveryOutcomeKind.TemporaryFailure, reason);

    public static DeliveryOutcome Permanent(string reason) => new(DeliveryOutcomeKind.PermanentFailure, reason);

    public static DeliveryOutcome Technical(string reason) => new(DeliveryOutcomeKind.TechnicalFailure, reason);
}

internal enum DeliveryOutcomeKind
{
    Delivered,
    TemporaryFailure,
    PermanentFailure,
    TechnicalFailure,
}
