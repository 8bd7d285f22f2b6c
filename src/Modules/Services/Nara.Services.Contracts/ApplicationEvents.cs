using Nara.Kernel.Events;

namespace Nara.Services.Contracts;

/// <summary>
/// A citizen submitted an application. One event per case: a bundle (e.g. happy-birth-onestop) publishes
/// one per service it creates, all with the same <paramref name="ApplicationId"/>.
/// </summary>
/// <param name="ApplicationId">The citizen's application (the bundle, or the single service).</param>
/// <param name="CaseId">The case an agency works on.</param>
/// <param name="ServiceSlug">The catalogue slug, e.g. <c>parental-benefit</c>.</param>
/// <param name="Agency">The agency that owns the service (and the case).</param>
/// <param name="ApplicantAccountId">The Identity account of the applicant.</param>
/// <param name="ApplicantResidentId">The Registries resident id of the applicant, when known.</param>
public sealed record ApplicationSubmitted(
    Guid ApplicationId,
    Guid CaseId,
    string ServiceSlug,
    string Agency,
    Guid ApplicantAccountId,
    long? ApplicantResidentId,
    DateTimeOffset SubmittedAt) : IIntegrationEvent;

/// <summary>
/// A case reached a decision at the end of its approval line. Notifications tells the citizen;
/// Credentials issues decision letters as credentials.
/// </summary>
/// <param name="Decision">One of <see cref="CaseDecisions"/>.</param>
/// <param name="DecidedBy">The approving official's account id; empty when an agency system decided.</param>
/// <param name="LetterDocumentId">The generated decision letter, when one was generated.</param>
/// <param name="DecidedByClient">The agency client (GovStack Registration) that decided, when no official did.</param>
public sealed record ApplicationDecided(
    Guid ApplicationId,
    Guid CaseId,
    string ServiceSlug,
    string Agency,
    Guid ApplicantAccountId,
    long? ApplicantResidentId,
    string Decision,
    Guid DecidedBy,
    Guid? LetterDocumentId,
    DateTimeOffset DecidedAt,
    string? DecidedByClient = null) : IIntegrationEvent;

/// <summary>
/// A case changed status (other than the decision), e.g. more information requested or withdrawn.
/// <paramref name="ActorClientId"/> names the agency client when an agency system made the change.
/// </summary>
public sealed record CaseStatusChanged(
    Guid CaseId,
    string ServiceSlug,
    string Agency,
    Guid ApplicantAccountId,
    string FromStatus,
    string ToStatus,
    string ActorKind,
    Guid? ActorAccountId,
    DateTimeOffset ChangedAt,
    string? ActorClientId = null) : IIntegrationEvent;

public static class CaseDecisions
{
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}

/// <summary>
/// Services read registry data to fill in an application form (once-only principle). Carries the
/// purpose and which sources were read, never the values, so the audit log can tell the citizen who
/// looked at their data and why.
/// </summary>
/// <param name="Sources">The prefill sources read, e.g. <c>resident.name</c>, <c>resident.address</c>.</param>
/// <param name="Purpose">Why, in words: the service applied for.</param>
public sealed record ApplicationPrefilled(
    Guid ApplicationId,
    string ServiceSlug,
    Guid ApplicantAccountId,
    long ResidentId,
    IReadOnlyList<string> Sources,
    string Purpose,
    DateTimeOffset ReadAt) : IIntegrationEvent;
