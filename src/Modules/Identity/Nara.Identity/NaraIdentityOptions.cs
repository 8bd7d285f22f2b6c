namespace Nara.Identity;

/// <summary>Settings under Nara:Identity. The defaults are the limits the platform promises; tests shorten some.</summary>
internal sealed class NaraIdentityOptions
{
    public const string Section = "Nara:Identity";

    /// <summary>Development only: sign in as a persona without a passkey.</summary>
    public bool DemoSignIn { get; set; }

    /// <summary>Development only: the one-time code demo personas receive, instead of a random one.</summary>
    public string? DemoEnrolmentCode { get; set; }

    /// <summary>Sign-in and enrolment form posts one network address may make per minute.</summary>
    public int SignInPermitsPerMinute { get; set; } = 20;

    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong codes before a challenge is spent.</summary>
    public int MaxCodeAttempts { get; set; } = 5;

    /// <summary>Codes one resident may ask for in an hour; more is refused until the hour has passed.</summary>
    public int MaxCodesPerHour { get; set; } = 3;

    /// <summary>After a spent challenge (too many wrong codes) no new code is sent for this long.</summary>
    public TimeSpan LockoutAfterSpentCode { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>NIST SP 800-63B AAL2: 24 h overall, 1 h idle.</summary>
    public TimeSpan CitizenSessionLimit { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan CitizenIdleLimit { get; set; } = TimeSpan.FromHours(1);

    /// <summary>AAL3-style: 12 h overall, 15 min idle.</summary>
    public TimeSpan OfficialSessionLimit { get; set; } = TimeSpan.FromHours(12);

    public TimeSpan OfficialIdleLimit { get; set; } = TimeSpan.FromMinutes(15);

    public PasskeyOptions Passkeys { get; set; } = new();
}

internal sealed class PasskeyOptions
{
    /// <summary>The WebAuthn relying party id, e.g. "nara.go.kr". Required in Production.</summary>
    public string? RelyingPartyId { get; set; }

    /// <summary>Origins allowed to use passkeys, e.g. "https://www.nara.go.kr". Required in Production.</summary>
    public string[] Origins { get; set; } = [];
}
