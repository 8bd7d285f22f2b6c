using Microsoft.EntityFrameworkCore;
using Nara.Consent.Api;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features;

/// <summary>A consent record with its whole history and what verification found.</summary>
internal sealed record CheckedRecord(ConsentRecord Record, IReadOnlyList<Revision> Revisions, Signature? Signature, VerificationShape Verification)
{
    public Revision Head => Revisions[^1];

    public bool Trustworthy => Verification.ChainIntact && Verification.SignatureValid;
}

/// <summary>
/// Tamper detection: the revision chain recomputes, the record row equals its head snapshot (so a row edited
/// without a new revision is caught), and the platform's signature covers the head revision.
/// </summary>
internal sealed class CheckConsentRecord(ConsentDbContext db, ConsentSigner signer)
{
    public async Task<CheckedRecord?> ExecuteAsync(Guid recordId, CancellationToken ct)
    {
        var record = await db.ConsentRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId, ct);
        if (record is null)
        {
            return null;
        }

        var revisions = await db.Revisions.AsNoTracking().Where(r => r.ObjectId == recordId).OrderBy(r => r.Sequence).ToListAsync(ct);
        var signature = record.SignatureId is { } sid ? await db.Signatures.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, ct) : null;
        var problem = RevisionChain.Check(revisions);
        if (problem is null)
        {
            var head = revisions[^1];
            if (head.SerializedHash != record.HeadHash || head.Sequence != record.RevisionCount)
            {
                problem = "the record does not point at the head of its chain";
            }
            else if (!string.Equals(RevisionChain.Serialize(ConsentSnapshot.Of(record)), head.SerializedSnapshot, StringComparison.Ordinal))
            {
                problem = "the record differs from its last revision";
            }
        }

        var signatureValid = signature is not null && revisions.Count > 0 && await signer.VerifyAsync(signature, revisions[^1]);
        var verification = new VerificationShape(problem is null, signatureValid, problem ?? (signatureValid ? null : "the signature does not verify"));
        return new CheckedRecord(record, revisions, signature, verification);
    }
}
