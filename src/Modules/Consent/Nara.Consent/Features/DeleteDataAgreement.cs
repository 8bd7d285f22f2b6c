using Microsoft.EntityFrameworkCore;
using Nara.Consent.Contracts;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features;

/// <summary>
/// Retires a data agreement: it takes no new consent and the verifier refuses requests under it at once.
/// Consent records stay (they are evidence) until the individual asks to be forgotten.
/// </summary>
internal sealed class DeleteDataAgreement(ConsentDbContext db, TimeProvider clock)
{
    public async Task<Outcome<Revision>> ExecuteAsync(Guid id, ConsentActor actor, string? administeredAgency, CancellationToken ct)
    {
        var agreement = await db.DataAgreements.FirstOrDefaultAsync(a => a.Id == id && !a.Deleted, ct);
        if (agreement is null)
        {
            return Outcome<Revision>.NotFound($"No data agreement {id}.");
        }

        if (administeredAgency is not null && agreement.ControllerId != administeredAgency)
        {
            return Outcome<Revision>.Forbidden("The data agreement belongs to another agency.");
        }

        var now = ConsentTime.Now(clock);
        var previous = await db.Revisions.Where(r => r.ObjectId == id).OrderByDescending(r => r.Sequence).FirstAsync(ct);
        agreement.Deleted = true;
        agreement.Active = false;
        agreement.Version++;
        agreement.UpdatedAt = now;
        var revision = RevisionChain.Next(SchemaNames.DataAgreement, id, previous, new { id = id.ToString(), version = agreement.Version, deleted = true }, now, null, $"{actor.Kind}:{actor.Id}");
        db.Revisions.Add(revision);
        db.Publish(new DataAgreementChanged(id, agreement.Version, agreement.ControllerId, "deleted", revision.SerializedHash, actor, now), now);
        await db.SaveChangesAsync(ct);
        return Outcome<Revision>.Ok(revision);
    }
}
