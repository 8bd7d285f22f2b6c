using Microsoft.EntityFrameworkCore;
using Nara.Consent.Api;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features;

/// <summary>Consent records with their head revision and signature, the shape every record answer has.</summary>
internal sealed class RecordQueries(ConsentDbContext db)
{
    public async Task<ConsentResult?> CurrentAsync(Guid recordId, CancellationToken ct)
    {
        var record = await db.ConsentRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId, ct);
        return record is null ? null : await WithHeadAsync(record, ct);
    }

    public async Task<ConsentResult?> ForAgreementAsync(string individualId, Guid agreementId, CancellationToken ct)
    {
        var record = await db.ConsentRecords.AsNoTracking().FirstOrDefaultAsync(r => r.IndividualId == individualId && r.DataAgreementId == agreementId, ct);
        return record is null ? null : await WithHeadAsync(record, ct);
    }

    public async Task<(IReadOnlyList<ConsentRecord> Items, int Total)> ListAsync(string? individualId, Guid? agreementId, int offset, int limit, CancellationToken ct)
    {
        var query = db.ConsentRecords.AsNoTracking();
        if (individualId is not null)
        {
            query = query.Where(r => r.IndividualId == individualId);
        }

        if (agreementId is { } a)
        {
            query = query.Where(r => r.DataAgreementId == a);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id).Skip(offset).Take(limit).ToListAsync(ct);
        return (items, total);
    }

    public Task<List<Revision>> RevisionsAsync(Guid objectId, CancellationToken ct) =>
        db.Revisions.AsNoTracking().Where(r => r.ObjectId == objectId).OrderBy(r => r.Sequence).ToListAsync(ct);

    private async Task<ConsentResult> WithHeadAsync(ConsentRecord record, CancellationToken ct)
    {
        var head = await db.Revisions.AsNoTracking().Where(r => r.ObjectId == record.Id).OrderByDescending(r => r.Sequence).FirstAsync(ct);
        var signature = await db.Signatures.AsNoTracking().FirstAsync(s => s.Id == record.SignatureId, ct);
        return new ConsentResult(record, head, signature);
    }

    public static object Shape(ConsentResult r) => new
    {
        consentRecord = ConsentRecordShape.Of(r.Record),
        revision = RevisionShape.Of(r.Revision),
        signature = SignatureShape.Of(r.Signature),
    };
}
