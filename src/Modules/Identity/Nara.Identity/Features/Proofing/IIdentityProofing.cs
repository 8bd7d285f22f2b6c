using Nara.Identity.Domain;
using Nara.Registries.Contracts;

namespace Nara.Identity.Features.Proofing;

/// <summary>
/// Proves that the person at the keyboard is the resident they name. The demo proves it with a one-time
/// code sent to the contact on the resident record; a mobile-ID or bank-certificate check can replace it
/// by registering another implementation.
/// </summary>
internal interface IIdentityProofing
{
    /// <summary>Short name recorded in the audit log, e.g. "one-time-code".</summary>
    string Method { get; }

    /// <summary>Starts a proof (e.g. sends a code) and saves it; refuses while the resident is locked out.</summary>
    Task<ProofingStart> StartAsync(ProofingSubject subject, ProofingPurpose purpose, string language, CancellationToken cancellationToken);

    /// <summary>
    /// Checks an answer. A wrong answer is saved at once; a right one only marks the challenge done, so the
    /// caller's SaveChanges records it together with what the proof unlocks (nothing half-written).
    /// </summary>
    Task<ProofingCheck> VerifyAsync(Guid challengeId, string answer, CancellationToken cancellationToken);
}

/// <param name="ResidentNumber">As entered and matched, so demo personas can be recognised.</param>
internal sealed record ProofingSubject(ResidentSummary Resident, string ResidentNumber);

internal enum ProofingStartStatus
{
    Started,
    LockedOut,
}

/// <param name="Destination">Where the code went, in words for the page, e.g. "the mobile phone on your resident record".</param>
internal sealed record ProofingStart(ProofingStartStatus Status, Guid ChallengeId, string Destination, DateTimeOffset? RetryAfter);

internal enum ProofingCheckStatus
{
    Proved,
    WrongAnswer,
    Expired,
    LockedOut,
    Unknown,
}

internal sealed record ProofingCheck(ProofingCheckStatus Status, long ResidentId, ProofingPurpose Purpose, int AttemptsLeft);
