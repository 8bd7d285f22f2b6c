using Microsoft.EntityFrameworkCore;
using Nara.Consent.Contracts;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features;

internal sealed record ConsentResult(ConsentRecord Record, Revision Revision, Signature Signature);

/// <summary>
/// An individual opts in to a data agreement: a new record signed at once (the platform signs for the
/// signed-in individual, or for the agency client acting for them). After a withdrawal, opting in again is a
/// new revision of the same record, moved to the agreement's current version.
/// </summary>
internal sealed class GiveConsent(ConsentDbContext db, TimeProvider clock, ConsentSigner signer, ChangeConsent change)
{
    public async Task<Outcome<ConsentResult>> ExecuteAsync(Guid agreementId, string individualId, ConsentActor actor, CancellationToken ct)
    {
        var agreement = await db.DataAgreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agreementId && !a.Deleted, ct);
        if (agreement is null)
        {
            return Outcome<ConsentResult>.NotFound($"No data agreement {agreementId}.");
        }

        var existing = await db.ConsentRecords.AsNoTracking().FirstOrDefaultAsync(r => r.IndividualId == individualId && r.DataAgreementId == agreementId, ct);
        if (existing is not null)
        {
            return existing.OptIn
                ? Outcome<ConsentResult>.Conflict("The individual has already consented to this data agreement.")
                : await change.ExecuteAsync(existing.Id, individualId, optIn: true, actor, ct);
        }

        if (!agreement.TakesConsent)
        {
            return Outcome<ConsentResult>.Conflict("The data agreement is not active (draft or deactivated) and takes no consent.");
        }

        var agreementHead = await db.Revisions.AsNoTracking().Where(r => r.ObjectId == agreementId).OrderByDescending(r => r.Sequence).FirstAsync(ct);
        var now = ConsentTime.Now(clock);
        var record = new ConsentRecord
        {
            Id = Guid.NewGuid(), DataAgreementId = agreementId, DataAgreementRevisionId = agreementHead.Id,
            DataAgreementRevisionHash = agreementHead.SerializedHash, DataAgreementVersion = agreement.Version,
            IndividualId = individualId, OptIn = true, State = ConsentStates.Signed, CreatedAt = now, UpdatedAt = now,
            ValidFrom = now, ValidUntil = agreement.ValidityDays is { } days ? now.AddDays(days) : null, HeadHash = "",
        };
        var revision = RevisionChain.Next(SchemaNames.ConsentRecord, record.Id, null, Api.ConsentSnapshot.Of(record), now, individualId, OtherThanIndividual(actor));
        var signature = signer.Sign(record, revision, Callers.SignedAs(actor, individualId));
        record.HeadHash = revision.SerializedHash;
        record.RevisionCount = 1;
        record.SignatureId = signature.Id;
        db.ConsentRecords.Add(record);
        db.Revisions.Add(revision);
        db.Signatures.Add(signature);
        db.Publish(new ConsentGiven(record.Id, agreementId, agreement.Version, agreement.ControllerId, individualId, revision.SerializedHash, actor, now), now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent request created the record first (unique individual + agreement).
            return Outcome<ConsentResult>.Conflict("The individual has already consented to this data agreement.");
        }

        return Outcome<ConsentResult>.Ok(new ConsentResult(record, revision, signature));
    }

    public static string? OtherThanIndividual(ConsentActor actor) =>
        actor.Kind == Kernel.Security.ActorKinds.Citizen ? null : $"{actor.Kind}:{actor.Id}";
}
