namespace Nara.Identity.Domain;

public enum CeremonyKind
{
    Registration = 1,
    Assertion = 2,
}

/// <summary>
/// The options (and so the challenge) Nara gave a browser for one passkey registration or sign-in. Kept
/// server-side and used once, so an answer cannot be replayed, whichever host instance receives it.
/// </summary>
internal sealed class WebAuthnCeremony
{
    public Guid Id { get; set; }

    public CeremonyKind Kind { get; set; }

    /// <summary>The account registering a passkey; null for a usernameless sign-in.</summary>
    public Guid? AccountId { get; set; }

    /// <summary>Fido2's options JSON, as sent to the browser.</summary>
    public required string OptionsJson { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
