using Nara.Kernel.Events;

namespace Nara.Notifications.Contracts;

/// <summary>
/// A citizen changed how they are notified. Says what changed, never a contact detail or a push endpoint.
/// </summary>
/// <param name="Change">One of <see cref="NotificationPreferenceChanges"/>.</param>
/// <param name="ChangedKinds">Space-separated kinds whose channels changed, with the new channels: "benefits=inbox,push due-dates=".</param>
/// <param name="QuietHours">"22:00-07:00" (Korea time) or "off", when they changed; otherwise null.</param>
/// <param name="Language">"ko" or "en", when it changed; otherwise null.</param>
/// <param name="Device">For push devices: the device's id in Nara (never its endpoint) and its label.</param>
public sealed record NotificationPreferencesChanged(
    Guid AccountId,
    string Change,
    string? ChangedKinds,
    string? QuietHours,
    string? Language,
    string? Device = null) : IIntegrationEvent;

public static class NotificationPreferenceChanges
{
    public const string Preferences = "preferences";
    public const string PushDeviceAdded = "push-device-added";
    public const string PushDeviceRemoved = "push-device-removed";
}
