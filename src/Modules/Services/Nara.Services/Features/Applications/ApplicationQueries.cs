using Microsoft.EntityFrameworkCore;
using Nara.Services.Data;
using Nara.Services.Domain.Applications;

namespace Nara.Services.Features.Applications;

internal sealed record ApplicationLine(Guid Id, string ServiceSlug, string Status, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, int CurrentStep, IReadOnlyList<CaseLine> Cases);

internal sealed record CaseLine(Guid Id, string ServiceSlug, string Agency, string Status, DateOnly DueOn);

internal sealed record ApplicationDetail(Application Application, IReadOnlyList<Case> Cases, IReadOnlyList<StoredDocument> Documents);

/// <summary>The citizen's own applications: drafts to continue, and submitted ones with each case's status.</summary>
internal sealed class ApplicationQueries(ServicesDbContext db)
{
    public async Task<IReadOnlyList<ApplicationLine>> ListAsync(Guid account, CancellationToken ct)
    {
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.ApplicantAccountId == account)
            .OrderByDescending(a => a.UpdatedAt).Take(200)
            .Select(a => new { a.Id, a.ServiceSlug, a.Status, a.UpdatedAt, a.SubmittedAt, a.CurrentStep })
            .ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.ApplicationId))
            .Select(c => new { c.ApplicationId, Line = new CaseLine(c.Id, c.ServiceSlug, c.Agency, c.Status, c.DueOn) })
            .ToListAsync(ct);
        var byApplication = cases.ToLookup(c => c.ApplicationId, c => c.Line);
        return [.. applications.Select(a => new ApplicationLine(a.Id, a.ServiceSlug, a.Status, a.UpdatedAt, a.SubmittedAt, a.CurrentStep, [.. byApplication[a.Id]]))];
    }

    public async Task<ApplicationDetail?> FindAsync(Guid account, Guid id, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.ApplicantAccountId == account, ct);
        if (application is null)
        {
            return null;
        }

        var cases = await db.Cases.AsNoTracking().AsSplitQuery()
            .Include(c => c.Events.Where(e => e.VisibleToApplicant).OrderBy(e => e.Id))
            .Include(c => c.InformationRequests.OrderBy(r => r.AskedAt))
            .Where(c => c.ApplicationId == id).OrderBy(c => c.ServiceSlug).ToListAsync(ct);
        var documents = await db.Documents.AsNoTracking().Where(d => d.ApplicationId == id).OrderBy(d => d.CreatedAt).ToListAsync(ct);
        return new ApplicationDetail(application, cases, documents);
    }
}
