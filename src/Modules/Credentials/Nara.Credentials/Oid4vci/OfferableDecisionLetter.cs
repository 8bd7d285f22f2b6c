using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Nara.Credentials.Contracts;
using Nara.Credentials.Features;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;
using Nara.Kernel.Security;

namespace Nara.Credentials.Oid4vci;

/// <summary>
/// A decision letter through <see cref="IssueDecisionLetter"/> for a third-party wallet. A citizen may have many, so the
/// offer names the case (its subject) and is accepted only for the applicant's own decided case: the offer's actor is the
/// signed-in account, which must be the case's applicant, both when offering and when the wallet fetches it.
/// </summary>
internal sealed class OfferableDecisionLetter(IssueDecisionLetter issue, IOptions<CredentialsOptions> options) : IOfferableCredential
{
    public CredentialType Type => CredentialTypes.DecisionLetter;

    public IReadOnlyList<string> Claims { get; } =
        ["service", "service_en", "service_id", "agency", "decision", "decided_at", "case_id", "applicant_name"];

    public bool NeedsSubject => true;

    public async Task<bool> CanOfferAsync(long residentId, CredentialActor actor, string? subject, CancellationToken cancellationToken) =>
        Parse(actor, subject) is { } ids && await issue.FindAsync(ids.Account, ids.Case, cancellationToken) is not null;

    /// <summary>Without a subject there is no letter to choose.</summary>
    public Task<(Guid Id, IssuedSdJwt Credential)?> IssueAsync(long residentId, JsonObject holderJwk, string issuer, CredentialActor actor, CancellationToken cancellationToken) =>
        Task.FromResult<(Guid, IssuedSdJwt)?>(null);

    public async Task<(Guid Id, IssuedSdJwt Credential)?> IssueAsync(
        long residentId, string? subject, JsonObject holderJwk, string issuer, CredentialActor actor, CancellationToken cancellationToken) =>
        Parse(actor, subject) is { } ids
            ? await issue.ExecuteAsync(ids.Case, ids.Account, residentId, null, holderJwk, issuer, options.Value.Validity, actor, cancellationToken)
            : null;

    private static (Guid Account, Guid Case)? Parse(CredentialActor actor, string? subject) =>
        actor.Kind == ActorKinds.Citizen && Guid.TryParse(actor.Id, out var account) && Guid.TryParse(subject, out var caseId) ? (account, caseId) : null;
}
