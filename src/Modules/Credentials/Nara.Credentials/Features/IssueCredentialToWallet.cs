using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Oid4vci;
using Nara.Kernel.Security;

namespace Nara.Credentials.Features;

/// <summary>
/// The credential endpoint (OpenID4VCI §8): the access token from an offer, a <c>credential_configuration_id</c> and one
/// <c>jwt</c> key proof in <c>proofs</c>; the credential is issued to the offer's resident, bound to the proof's key.
/// The token is spent in a conditional UPDATE before issuing, so it yields one credential at most.
/// </summary>
internal sealed class IssueCredentialToWallet(CredentialsDbContext db, OfferableCredentials offerable, IssueNonce nonces, TimeProvider clock)
{
    internal sealed record Outcome(string? Credential, string? Error, string? Description, bool BadToken = false)
    {
        public static Outcome Fail(string error, string description) => new(null, error, description);
    }

    public async Task<Outcome> ExecuteAsync(string? accessToken, JsonObject? request, string issuer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tokenHash = accessToken is { Length: > 0 and <= 200 } ? Secrets.Hash(accessToken) : null;
        var offer = tokenHash is null ? null : await db.Offers.AsNoTracking().SingleOrDefaultAsync(o => o.AccessTokenHash == tokenHash, cancellationToken);
        if (offer is null || offer.AccessTokenExpiresAt <= now || offer.CredentialId is not null)
        {
            return new Outcome(null, "invalid_token", "the access token is missing, unknown, expired or already used", BadToken: true);
        }

        if (request is null)
        {
            return Outcome.Fail("invalid_credential_request", "the body must be a JSON object");
        }

        if (request["credential_identifier"] is not null)
        {
            return Outcome.Fail("unknown_credential_identifier", "this issuer hands out no credential identifiers; send credential_configuration_id");
        }

        if (request["credential_configuration_id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var configurationId))
        {
            return Outcome.Fail("invalid_credential_request", "credential_configuration_id is missing");
        }

        if (offerable.Find(configurationId) is not { } credential)
        {
            return Outcome.Fail("unknown_credential_configuration", $"'{configurationId}' is not a credential configuration of this issuer");
        }

        if (credential.Type.Id != offer.ConfigurationId)
        {
            return Outcome.Fail("credential_request_denied", "the access token was issued for another credential configuration");
        }

        if (request["proofs"] is not JsonObject proofs || proofs["jwt"] is not JsonArray jwts || jwts.Count == 0)
        {
            return Outcome.Fail("invalid_proof", "proofs.jwt with one key proof is required");
        }

        if (proofs.Count != 1 || jwts.Count != 1)
        {
            return Outcome.Fail("invalid_credential_request", "exactly one jwt key proof (no batch issuance)");
        }

        var proof = KeyProof.Check(jwts[0] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null, issuer, now);
        if (proof.Problem is not null)
        {
            return Outcome.Fail("invalid_proof", proof.Problem);
        }

        if (!await nonces.SpendAsync(proof.Nonce!, cancellationToken))
        {
            return Outcome.Fail("invalid_nonce", "the key proof's nonce is unknown, expired or already used; get a fresh c_nonce");
        }

        var spent = await db.Offers.Where(o => o.Id == offer.Id && o.CredentialId == null)
            .ExecuteUpdateAsync(x => x.SetProperty(o => o.CredentialId, Guid.Empty), cancellationToken);
        if (spent != 1)
        {
            return new Outcome(null, "invalid_token", "the access token was already used", BadToken: true);
        }

        var issued = await credential.IssueAsync(offer.ResidentId, offer.Subject, proof.HolderJwk!, issuer, new CredentialActor(ActorKinds.Citizen, offer.ActorId), cancellationToken);
        if (issued is not { } result)
        {
            return Outcome.Fail("credential_request_denied", "there is no such credential to issue for this resident");
        }

        await db.Offers.Where(o => o.Id == offer.Id).ExecuteUpdateAsync(x => x.SetProperty(o => o.CredentialId, result.Id), cancellationToken);
        return new Outcome(result.Credential.Compact, null, null);
    }
}
