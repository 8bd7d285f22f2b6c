using Microsoft.EntityFrameworkCore;
using Nara.Consent.Contracts;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features;

/// <summary>
/// Withdraws a consent (opt-out) or gives it again: a new signed revision in the record's chain. Withdrawal
/// needs nothing but the record (always possible, in one step); opting in again needs an active agreement.
/// </summary>
internal sealed class ChangeConsent(ConsentDbContext db, TimeProvider clock, ConsentSigner signer)
{
    public async Task<Outcome<ConsentResult>> ExecuteAsync(Guid recordId, string individualId, bool optIn, ConsentActor actor, CancellationToken ct)
    {
        var record = await db.ConsentRecords.FirstOrDefaultAsync(r => r.Id == recordId && r.IndividualId == individualId, ct);
        if (record is null)
        {
            return Outcome<ConsentResult>.NotFound($"No consent record {recordId} of this individual.");
        }

        var head = await db.Revisions.Where(r => r.ObjectId == recordId).OrderByDescending(r => r.Sequence).FirstAsync(ct);
        if (record.OptIn == optIn)
        {
            // Nothing changes: answer with the current state, so a repeated click is harmless.
            var current = await db.Signatures.FirstAsync(s => s.Id == record.SignatureId, ct);
            return Outcome<ConsentResult>.Ok(new ConsentResult(record, head, current));
        }

        var agreement = await db.DataAgreements.AsNoTracking().FirstAsync(a => a.Id == record.DataAgreementId, ct);
        var now = ConsentTime.Now(clock);
        if (optIn)
        {
            if (!agreement.TakesConsent)
            {
                return Outcome<ConsentResult>.Conflict("The data agreement is not active and takes no consent.");
            }

            var agreementHead = await db.Revisions.AsNoTracking().Where(r => r.ObjectId == agreement.Id).OrderByDescending(r => r.Sequence).FirstAsync(ct);
            record.DataAgreementRevisionId = agreementHead.Id;
            record.DataAgreementRevisionHash = agreementHead.SerializedHash;
            record.DataAgreementVersion = agreement.Version;
            record.ValidFrom = now;
            record.ValidUntil = agreement.ValidityDays is { } days ? now.AddDays(days) : null;
            record.WithdrawnAt = null;
        }
        else
        {
            record.WithdrawnAt = now;
        }

        record.OptIn = optIn;
        record.State = ConsentStates.Signed;
        record.UpdatedAt = now;
        var revision = RevisionChain.Next(SchemaNames.ConsentRecord, record.Id, head, Api.ConsentSnapshot.Of(record), now, individualId, GiveConsent.OtherThanIndividual(actor));
        var signature = signer.Sign(record, revision, Callers.SignedAs(actor, individualId));
        record.HeadHash = revision.SerializedHash;
        record.RevisionCount = revision.Sequence;
        record.SignatureId = signature.Id;
        db.Revisions.Add(revision);
        db.Signatures.Add(signature);
        if (optIn)
        {
            db.Publish(new ConsentGiven(record.Id, agreement.Id, agreement.Version, agreement.ControllerId, individualId, revision.SerializedHash, actor, now), now);
        }
        else
        {
            db.Publish(new ConsentWithdrawn(record.Id, agreement.Id, agreement.ControllerId, individualId, revision.SerializedHash, actor, now), now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another change of the same record won the race (revision count, or the chain's unique sequence).
            return Outcome<ConsentResult>.Conflict("The consent record changed meanwhile; read it again.");
        }

        return Outcome<ConsentResult>.Ok(new ConsentResult(record, revision, signature));
    }
}
