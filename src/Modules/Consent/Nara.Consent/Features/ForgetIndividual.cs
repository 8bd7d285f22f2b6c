using Microsoft.EntityFrameworkCore;
using Nara.Consent.Contracts;
using Nara.Consent.Data;

namespace Nara.Consent.Features;

/// <summary>
/// Right to be forgotten: erases the individual's records (with their revisions and signatures) under
/// forgettable agreements. Records under other agreements stay: they are evidence the controller must keep.
/// The Audit log keeps only that it happened, how many, and under which agreements.
/// </summary>
internal sealed class ForgetIndividual(ConsentDbContext db, TimeProvider clock)
{
    public async Task<(int Forgotten, int Kept)> ExecuteAsync(string individualId, ConsentActor actor, CancellationToken ct)
    {
        var records = await (from r in db.ConsentRecords
                             join a in db.DataAgreements on r.DataAgreementId equals a.Id
                             where r.IndividualId == individualId
                             select new { Record = r, a.Forgettable }).ToListAsync(ct);
        var forget = records.Where(x => x.Forgettable).Select(x => x.Record).ToList();
        if (forget.Count == 0)
        {
            return (0, records.Count);
        }

        var ids = forget.Select(r => r.Id).ToList();
        db.Revisions.RemoveRange(await db.Revisions.Where(r => ids.Contains(r.ObjectId)).ToListAsync(ct));
        db.Signatures.RemoveRange(await db.Signatures.Where(s => ids.Contains(s.ConsentRecordId)).ToListAsync(ct));
        db.ConsentRecords.RemoveRange(forget);
        var now = ConsentTime.Now(clock);
        db.Publish(new ConsentRecordsForgotten(individualId, forget.Count, [.. forget.Select(r => r.DataAgreementId).Distinct()], actor, now), now);
        await db.SaveChangesAsync(ct);
        return (forget.Count, records.Count - forget.Count);
    }
}
