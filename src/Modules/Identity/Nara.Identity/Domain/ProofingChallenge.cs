namespace Nara.Identity.Domain;

public enum ProofingPurpose
{
    Enrolment = 1,
    Recovery = 2,
}

/// <summary>
/// One attempt to prove that a person is the resident they claim to be, e.g. by a one-time code sent to
/// the contact on their resident record. Only a salted hash of the code is kept.
/// </summary>
internal sealed class ProofingChallenge
{
    public Guid Id { get; set; }

    public long ResidentId { get; set; }

    public ProofingPurpose Purpose { get; set; }

    /// <summary>"one-time-code" today; a mobile-ID check would name itself here.</summary>
    public required string Method { get; set; }

    /// <summary>Hex SHA-256 of (challenge id ‖ code).</summary>
    public required string CodeHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Wrong codes entered so far; at the limit the challenge is spent.</summary>
    public int FailedAttempts { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
