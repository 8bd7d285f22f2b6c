using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Time;
using Nara.Services.Data;
using Nara.Services.Domain.Applications;
using Nara.Services.Domain.Calendar;

namespace Nara.Services.Features.Cases;

/// <param name="Overdue">Open and past its last day.</param>
/// <param name="DueSoon">Open and within two business days of its last day (the SLA warning).</param>
internal sealed record QueueLine(Guid Id, string ServiceSlug, string Status, string Stage, DateTimeOffset SubmittedAt, DateOnly DueOn, string? AssignedName, bool Overdue, bool DueSoon);

/// <summary>An agency's cases: overdue first, then by deadline; filters by service and status.</summary>
internal sealed class CaseQueue(ServicesDbContext db, BusinessCalendar calendar, TimeProvider clock)
{
    public const int SlaWarningBusinessDays = 2;
    public const int PageSize = 100;

    public async Task<IReadOnlyList<QueueLine>> ListAsync(string agency, string? service, string? status, bool openOnly, CancellationToken ct)
    {
        var query = db.Cases.AsNoTracking().Where(c => c.Agency == agency);
        if (!string.IsNullOrEmpty(service))
        {
            query = query.Where(c => c.ServiceSlug == service);
        }

        if (!string.IsNullOrEmpty(status))
        {
            query = query.Where(c => c.Status == status);
        }
        else if (openOnly)
        {
            query = query.Where(c => c.Status == CaseStatuses.Submitted || c.Status == CaseStatuses.InReview || c.Status == CaseStatuses.InfoRequested);
        }

        var cases = await query.OrderBy(c => c.DueOn).ThenBy(c => c.SubmittedAt).Take(PageSize).ToListAsync(ct);
        var today = KoreaTime.Today(clock);
        return [.. cases
            .Select(c => new QueueLine(
                c.Id, c.ServiceSlug, c.Status, c.Stage, c.SubmittedAt, c.DueOn, c.AssignedName,
                c.IsOpen && c.DueOn < today,
                c.IsOpen && c.DueOn >= today && calendar.BusinessDaysBetween(today, c.DueOn) <= SlaWarningBusinessDays))
            .OrderByDescending(l => l.Overdue).ThenBy(l => l.DueOn)];
    }

    public Task<Case?> FindAsync(string agency, Guid id, CancellationToken ct) =>
        db.Cases.AsNoTracking().AsSplitQuery()
            .Include(c => c.Application)
            .Include(c => c.Events.OrderBy(e => e.Id))
            .Include(c => c.InformationRequests.OrderBy(r => r.AskedAt))
            .FirstOrDefaultAsync(c => c.Id == id && c.Agency == agency, ct);

    public async Task<IReadOnlyList<StoredDocument>> DocumentsAsync(Case c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return await db.Documents.AsNoTracking()
            .Where(d => d.ApplicationId == c.ApplicationId && (d.CaseId == null || d.CaseId == c.Id))
            .OrderBy(d => d.CreatedAt).ToListAsync(ct);
    }

    public bool IsDueSoon(Case c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var today = KoreaTime.Today(clock);
        return c.IsOpen && c.DueOn >= today && calendar.BusinessDaysBetween(today, c.DueOn) <= SlaWarningBusinessDays;
    }

    public bool IsOverdue(Case c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.IsOpen && c.DueOn < KoreaTime.Today(clock);
    }
}
