using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Localization;
using Nara.Kernel.Security;
using Nara.Services.Contracts;
using Nara.Services.Data;
using Nara.Services.Domain.Applications;

namespace Nara.Services.Features.Cases;

internal enum CaseOutcome
{
    Done,
    NotFound,
    Stale,
    Refused,
}

/// <param name="Message">Why it was refused, in the reader's language.</param>
internal sealed record CaseResult(CaseOutcome Outcome, string? Message = null)
{
    public static readonly CaseResult Done = new(CaseOutcome.Done);
    public static readonly CaseResult NotFound = new(CaseOutcome.NotFound);

    public static CaseResult Refused(string message) => new(CaseOutcome.Refused, message);

    public static CaseResult Stale => new(CaseOutcome.Stale, Bilingual.L(
        "다른 사람이 이 건을 먼저 처리했습니다. 새로고침해서 바뀐 내용을 확인한 뒤 다시 하세요.",
        "This case changed since you opened it. Reload the page, check what changed, and try again."));
}

/// <summary>
/// What every official's action on a case shares: the case must belong to the official's agency, the
/// page's version must still be current (optimistic concurrency), and the change, its history line and
/// its events are saved together or not at all.
/// </summary>
internal sealed class CaseWork(ServicesDbContext db, TimeProvider clock)
{
    public ServicesDbContext Db => db;

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    /// <summary>The case when it is the official's agency's and <paramref name="version"/> is current; otherwise why not.</summary>
    public async Task<(Case? Case, CaseResult? Failure)> LoadAsync(Official official, Guid caseId, int version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(official);
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == caseId && x.Agency == official.Agency, ct);
        if (c is null)
        {
            return (null, CaseResult.NotFound);
        }

        if (c.Version != version)
        {
            return (null, CaseResult.Stale);
        }

        return (c, null);
    }

    public void Record(Case c, Official official, string action, string? comment, bool visibleToApplicant = true) =>
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = c.Id, At = Now, ActorKind = ActorKinds.Official, ActorId = official.AccountId, ActorName = official.Name,
            Action = action, Comment = comment, VisibleToApplicant = visibleToApplicant,
        });

    public void ChangeStatus(Case c, Official official, string to)
    {
        if (c.Status == to)
        {
            return;
        }

        db.Publish(new CaseStatusChanged(c.Id, c.ServiceSlug, c.Agency, c.ApplicantAccountId, c.Status, to, ActorKinds.Official, official.AccountId, Now), Now);
        c.Status = to;
    }

    /// <summary>Saves with the version check; a concurrent change by someone else makes this a no-op.</summary>
    public async Task<CaseResult> SaveAsync(Case c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        c.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
            return CaseResult.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CaseResult.Stale;
        }
    }

    public static string? Clean(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is { } t && t.Length <= max ? t : null;
}
