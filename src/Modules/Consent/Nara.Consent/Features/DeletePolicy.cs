using Microsoft.EntityFrameworkCore;
using Nara.Consent.Contracts;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features;

/// <summary>Deletes a policy no live agreement points to; the deletion is the last revision of its chain.</summary>
internal sealed class DeletePolicy(ConsentDbContext db, TimeProvider clock)
{
    public async Task<Outcome<Revision>> ExecuteAsync(Guid id, ConsentActor actor, string? administeredAgency, CancellationToken ct)
    {
        var policy = await db.Policies.FirstOrDefaultAsync(p => p.Id == id && !p.Deleted, ct);
        if (policy is null)
        {
            return Outcome<Revision>.NotFound($"No policy {id}.");
        }

        if (administeredAgency is not null && policy.Owner != administeredAgency)
        {
            return Outcome<Revision>.Forbidden("The policy belongs to another agency.");
        }

        if (await db.DataAgreements.AnyAsync(a => a.PolicyId == id && !a.Deleted, ct))
        {
            return Outcome<Revision>.Conflict("Data agreements still refer to this policy; delete or change them first.");
        }

        var now = ConsentTime.Now(clock);
        var previous = await db.Revisions.Where(r => r.ObjectId == id).OrderByDescending(r => r.Sequence).FirstAsync(ct);
        policy.Deleted = true;
        policy.Version++;
        policy.UpdatedAt = now;
        var revision = RevisionChain.Next(SchemaNames.Policy, id, previous, new { id = id.ToString(), version = policy.Version, deleted = true }, now, null, $"{actor.Kind}:{actor.Id}");
        db.Revisions.Add(revision);
        db.Publish(new ConsentPolicyChanged(id, policy.Version, "deleted", revision.SerializedHash, actor, now), now);
        await db.SaveChangesAsync(ct);
        return Outcome<Revision>.Ok(revision);
    }
}
