namespace Nara.Notifications.Push;

/// <summary>Bound from <c>Nara:Notifications:Push</c>.</summary>
internal sealed class PushOptions
{
    public const string Section = "Nara:Notifications:Push";

    /// <summary>
    /// The VAPID key pair (base64url, as web-push tools print them). Several hosts must share one pair:
    /// configure it for production. Left empty, a pair is made on first start under the data directory.
    /// </summary>
    public string? PublicKey { get; set; }

    public string? PrivateKey { get; set; }

    /// <summary>Where the generated key is kept; defaults to {DataDirectory}/keys/vapid.pem.</summary>
    public string? KeyPath { get; set; }

    /// <summary>Who push services contact about this sender (VAPID "sub").</summary>
    public string Subject { get; set; } = "mailto:no-reply@nara.go.kr";

    /// <summary>How long a push service keeps a message for an offline device.</summary>
    public int TimeToLiveSeconds { get; set; } = 86_400;

    /// <summary>
    /// Push services Nara will send to (host suffixes). The endpoint comes from the browser, so anything
    /// else is refused: Nara must not be made to POST to arbitrary hosts.
    /// </summary>
    public string[] AllowedHosts { get; set; } =
    [
        "fcm.googleapis.com", "push.services.mozilla.com", "notify.windows.com", "push.apple.com",
    ];

    /// <summary>Plain http endpoints (tests with a local fake push service only).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>The most devices one account may register.</summary>
    public int MaxDevicesPerAccount { get; set; } = 20;
}
