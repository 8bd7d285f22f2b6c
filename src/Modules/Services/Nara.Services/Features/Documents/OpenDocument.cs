using Microsoft.EntityFrameworkCore;
using Nara.Services.Data;

namespace Nara.Services.Features.Documents;

internal sealed record OpenedDocument(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Hands out a document only to the applicant whose application it belongs to, or to an official of
/// the agency that owns one of the application's cases.
/// </summary>
internal sealed class OpenDocument(ServicesDbContext db, DocumentStore store)
{
    public async Task<OpenedDocument?> ForApplicantAsync(Guid account, Guid documentId, CancellationToken ct)
    {
        var doc = await (from d in db.Documents.AsNoTracking()
                         join a in db.Applications.AsNoTracking() on d.ApplicationId equals a.Id
                         where d.Id == documentId && a.ApplicantAccountId == account
                         select d).FirstOrDefaultAsync(ct);
        return doc is null ? null : await ReadAsync(doc.Id, doc.FileName, doc.ContentType, doc.Sha256, ct);
    }

    public async Task<OpenedDocument?> ForAgencyAsync(string agency, Guid documentId, CancellationToken ct)
    {
        var doc = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (doc is null || !await db.Cases.AnyAsync(c => c.ApplicationId == doc.ApplicationId && c.Agency == agency && (doc.CaseId == null || c.Id == doc.CaseId), ct))
        {
            return null;
        }

        return await ReadAsync(doc.Id, doc.FileName, doc.ContentType, doc.Sha256, ct);
    }

    private async Task<OpenedDocument?> ReadAsync(Guid id, string name, string type, string sha, CancellationToken ct) =>
        await store.ReadAsync(id, sha, ct) is { } bytes ? new OpenedDocument(name, type, bytes) : null;
}
