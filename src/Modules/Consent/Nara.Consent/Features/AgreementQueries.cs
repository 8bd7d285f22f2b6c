using Microsoft.EntityFrameworkCore;
using Nara.Consent.Api;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features;

internal sealed record FoundAgreement(DataAgreement Agreement, DataAgreementShape Shape, Revision Head);

/// <summary>Data agreements as readers see them: the live ones, with their policy and newest revision.</summary>
internal sealed class AgreementQueries(ConsentDbContext db)
{
    public async Task<FoundAgreement?> FindAsync(Guid id, CancellationToken ct, bool includeDeleted = false)
    {
        var agreement = await db.DataAgreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && (includeDeleted || !a.Deleted), ct);
        if (agreement is null)
        {
            return null;
        }

        var policy = agreement.PolicyId is { } pid ? await db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        var head = await db.Revisions.AsNoTracking().Where(r => r.ObjectId == id).OrderByDescending(r => r.Sequence).FirstAsync(ct);
        return new FoundAgreement(agreement, DataAgreementShape.Of(agreement, policy), head);
    }

    public async Task<(IReadOnlyList<DataAgreementShape> Items, int Total)> ListAsync(int offset, int limit, CancellationToken ct, bool includeDeleted = false)
    {
        var query = db.DataAgreements.AsNoTracking().Where(a => includeDeleted || !a.Deleted);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(a => a.ControllerId).ThenBy(a => a.PurposeCode).ThenBy(a => a.Id).Skip(offset).Take(limit).ToListAsync(ct);
        var policyIds = items.Where(a => a.PolicyId is not null).Select(a => a.PolicyId!.Value).Distinct().ToList();
        var policies = await db.Policies.AsNoTracking().Where(p => policyIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return ([.. items.Select(a => DataAgreementShape.Of(a, a.PolicyId is { } pid ? policies.GetValueOrDefault(pid) : null))], total);
    }
}
