using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Nara.Credentials.Contracts;
using Nara.Credentials.Features;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Oid4vci;

/// <summary>
/// An e-certificate through <see cref="IssueCertificate"/> for a third-party wallet: the records are read through the
/// mediator when the wallet fetches the credential (as the citizen who made the offer), so it states today's records.
/// </summary>
internal sealed class OfferableCertificate(CredentialType type, IssueCertificate issue, IOptions<CredentialsOptions> options) : IOfferableCredential
{
    /// <summary>Every certificate's disclosable claims (top-level names), for the issuer metadata.</summary>
    private static readonly Dictionary<string, string[]> ClaimsByType = new(StringComparer.Ordinal)
    {
        [CredentialTypes.ResidentRegistrationAbstract.Id] = ["name", "name_en", "birthdate", "address", "moved_in_on", "relation_to_head"],
        [CredentialTypes.ResidentRegistrationCopy.Id] = ["name", "name_en", "birthdate", "address", "moved_in_on", "relation_to_head", "household"],
        [CredentialTypes.FamilyRelations.Id] = ["name", "name_en", "birthdate", "family"],
        [CredentialTypes.Income.Id] = ["name", "name_en", "birthdate", "recognised_income_monthly", "currency", "income_assessed_on"],
        [CredentialTypes.HealthInsurance.Id] = ["name", "name_en", "birthdate", "insurance_status", "insured_since"],
        [CredentialTypes.Disability.Id] = ["name", "name_en", "birthdate", "disability_degree", "disability_registered_on"],
        [CredentialTypes.BusinessRegistration.Id] = ["name", "name_en", "birthdate", "businesses"],
        [CredentialTypes.SchoolGraduation.Id] = ["name", "name_en", "birthdate", "graduations"],
    };

    /// <summary>The certificate types that can be offered (those <see cref="IssueCertificate"/> issues).</summary>
    public static IEnumerable<CredentialType> Types => IssueCertificate.Types.Where(t => ClaimsByType.ContainsKey(t.Id));

    public CredentialType Type => type;

    public IReadOnlyList<string> Claims => ClaimsByType[type.Id];

    public async Task<(Guid Id, IssuedSdJwt Credential)?> IssueAsync(long residentId, JsonObject holderJwk, string issuer, CredentialActor actor, CancellationToken cancellationToken)
    {
        var result = await issue.ExecuteAsync(residentId, type.Id, holderJwk, issuer, options.Value.Validity, actor, cancellationToken);
        return result is { Outcome: IssueCertificate.Outcome.Issued, Id: { } id, Credential: { } credential } ? (id, credential) : null;
    }
}
