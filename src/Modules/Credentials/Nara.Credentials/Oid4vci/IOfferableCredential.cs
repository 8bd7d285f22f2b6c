using System.Text.Json.Nodes;
using Nara.Credentials.Contracts;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Oid4vci;

/// <summary>
/// A credential a citizen can have issued to a third-party wallet through OpenID4VCI. One implementation per
/// credential configuration, registered in <c>CredentialsModule</c>; the metadata, offers and the credential endpoint
/// list and call whatever is registered, so a new credential type plugs in with one class.
/// </summary>
internal interface IOfferableCredential
{
    /// <summary>The type; its <c>Id</c> is the credential_configuration_id.</summary>
    CredentialType Type { get; }

    /// <summary>The selectively disclosable claims (top-level names), for the metadata's claim descriptions.</summary>
    IReadOnlyList<string> Claims { get; }

    /// <summary>Whether an offer must say which one (a subject): then it is offered from that credential's own page, not the general list.</summary>
    bool NeedsSubject => false;

    /// <returns>The credential id and the issued SD-JWT bound to <paramref name="holderJwk"/>; null when the resident has nothing to issue.</returns>
    Task<(Guid Id, IssuedSdJwt Credential)?> IssueAsync(long residentId, JsonObject holderJwk, string issuer, CredentialActor actor, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the citizen may be offered this credential for <paramref name="subject"/> (which one, where a citizen has
    /// several: a decision letter's case id). Types with one credential per resident take no subject.
    /// </summary>
    Task<bool> CanOfferAsync(long residentId, CredentialActor actor, string? subject, CancellationToken cancellationToken) =>
        Task.FromResult(subject is null);

    /// <summary>Issues the credential the offer named (<paramref name="subject"/> as accepted by <see cref="CanOfferAsync"/>).</summary>
    Task<(Guid Id, IssuedSdJwt Credential)?> IssueAsync(
        long residentId, string? subject, JsonObject holderJwk, string issuer, CredentialActor actor, CancellationToken cancellationToken) =>
        subject is null ? IssueAsync(residentId, holderJwk, issuer, actor, cancellationToken) : Task.FromResult<(Guid, IssuedSdJwt)?>(null);
}

/// <summary>The mobile ID through <see cref="Features.IssueResidentId"/>.</summary>
internal sealed class OfferableResidentId(Features.IssueResidentId issue, Microsoft.Extensions.Options.IOptions<CredentialsOptions> options) : IOfferableCredential
{
    public CredentialType Type => CredentialTypes.ResidentId;

    public IReadOnlyList<string> Claims { get; } =
        ["name", "name_en", "birthdate", "nationality", "resident_number", "address", "photo_ref", "age_over_14", "age_over_19", "age_over_65", "resident_of"];

    public Task<(Guid Id, IssuedSdJwt Credential)?> IssueAsync(long residentId, JsonObject holderJwk, string issuer, CredentialActor actor, CancellationToken cancellationToken) =>
        issue.ExecuteAsync(residentId, holderJwk, issuer, options.Value.Validity, actor, cancellationToken);
}

/// <summary>The registered offerable credentials, by credential_configuration_id.</summary>
internal sealed class OfferableCredentials(IEnumerable<IOfferableCredential> all)
{
    public IReadOnlyList<IOfferableCredential> All { get; } = [.. all];

    public IOfferableCredential? Find(string? configurationId) => All.FirstOrDefault(c => c.Type.Id == configurationId);
}
