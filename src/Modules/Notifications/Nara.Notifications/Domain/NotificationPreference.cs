using System.Text.Json;
using Nara.Notifications.Contracts;

namespace Nara.Notifications.Domain;

/// <summary>
/// How a citizen wants to be told things: channels per kind of message, quiet hours in Korea time, and
/// language. One row per account; kinds without a stored choice use the default plan.
/// </summary>
internal sealed class NotificationPreference
{
    public Guid AccountId { get; set; }

    /// <summary>JSON object: kind → channels, e.g. {"benefits":["inbox","push"]}. An empty list is an opt-out.</summary>
    public string ChannelsJson { get; set; } = "{}";

    /// <summary>Start of quiet hours, Korea time; null when there are none.</summary>
    public TimeOnly? QuietStart { get; set; }

    public TimeOnly? QuietEnd { get; set; }

    /// <summary>"ko" or "en".</summary>
    public string Language { get; set; } = "ko";

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Channels
    {
        get => JsonSerializer.Deserialize<Dictionary<string, string[]>>(ChannelsJson)!
            .Where(kv => NotificationKinds.All.Contains(kv.Key))
            .ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)[.. kv.Value.Where(NotificationChannels.All.Contains)]);
        set => ChannelsJson = JsonSerializer.Serialize(value.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value.Order(StringComparer.Ordinal).ToArray()));
    }

    /// <summary>The stored channels for a kind, or null when the citizen never chose.</summary>
    public IReadOnlyList<string>? ChannelsFor(string kind) => Channels.TryGetValue(kind, out var channels) ? channels : null;

    public bool HasQuietHours => QuietStart is not null && QuietEnd is not null && QuietStart != QuietEnd;
}
