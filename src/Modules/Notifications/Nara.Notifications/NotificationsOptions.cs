namespace Nara.Notifications;

/// <summary>Bound from <c>Nara:Notifications</c>.</summary>
internal sealed class NotificationsOptions
{
    public const string Section = "Nara:Notifications";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where the file SMS gateway writes; relative to the data directory.</summary>
    public string SmsOutbox { get; set; } = "sms-outbox";

    /// <summary>False in tests that drive the dispatcher themselves.</summary>
    public bool DispatchInBackground { get; set; } = true;

    public int DispatchBatchSize { get; set; } = 50;

    /// <summary>How many messages one host sends at once.</summary>
    public int DispatchParallelism { get; set; } = 4;

    /// <summary>How long a claim lasts; a host that dies leaves its messages to others after this.</summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>Attempts before a message ends as temporary-failure; back-off doubles from RetryBaseSeconds.</summary>
    public int MaxAttempts { get; set; } = 5;

    public int RetryBaseSeconds { get; set; } = 30;

    /// <summary>Defaults for agency clients without their own settings.</summary>
    public int RequestsPerSecond { get; set; } = 3_000;

    public int Burst { get; set; } = 6_000;

    public int DailyCap { get; set; } = 250_000;

    /// <summary>The most recipients one bulk request may carry.</summary>
    public int MaxBulkRecipients { get; set; } = 100_000;
}

internal sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    /// <summary>2525: where smtp4dev and most local catchers listen without root.</summary>
    public int Port { get; set; } = 2525;

    public bool UseStartTls { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "no-reply@nara.go.kr";

    public string FromName { get; set; } = "나라 Nara";

    public int TimeoutSeconds { get; set; } = 30;
}
