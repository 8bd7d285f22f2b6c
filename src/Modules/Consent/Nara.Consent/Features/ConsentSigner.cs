using Nara.Consent.Domain;
using Nara.Consent.Signing;

namespace Nara.Consent.Features;

/// <summary>Signs a consent record's new head revision, and checks a stored signature against its revision.</summary>
internal sealed class ConsentSigner(ConsentSigningKey key)
{
    public Signature Sign(ConsentRecord record, Revision revision, string signedAs)
    {
        var payload = Payload(record.Id, revision, signedAs);
        var (jws, keyId) = key.Sign(payload);
        return new Signature
        {
            Id = Guid.NewGuid(), ConsentRecordId = record.Id, RevisionId = revision.Id, Payload = payload,
            Jws = jws, KeyId = keyId, SignedAs = signedAs, Timestamp = revision.Timestamp,
        };
    }

    /// <summary>True when the signature is this platform's (any key of the ring, valid when it signed), over exactly this revision.</summary>
    public async Task<bool> VerifyAsync(Signature signature, Revision revision) =>
        signature.RevisionId == revision.Id
        && string.Equals(signature.Payload, Payload(signature.ConsentRecordId, revision, signature.SignedAs), StringComparison.Ordinal)
        && await key.VerifyAsync(signature.Jws, signature.Payload, signature.KeyId, signature.Timestamp);

    private static string Payload(Guid recordId, Revision revision, string signedAs) =>
        RevisionChain.Serialize(new
        {
            consentRecord = recordId.ToString(),
            revision = revision.Id.ToString(),
            sequence = revision.Sequence,
            revisionHash = revision.SerializedHash,
            signedAs,
            iat = revision.Timestamp.ToUnixTimeSeconds(),
        });
}
