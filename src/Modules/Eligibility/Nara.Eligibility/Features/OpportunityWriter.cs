using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nara.Eligibility.Batch;
using Nara.Eligibility.Data;
using Nara.Eligibility.Domain;
using Nara.Eligibility.Engine;
using Nara.Notifications.Contracts;

namespace Nara.Eligibility.Features;

/// <summary>
/// Turns an opportunity into its row and ONE notification (published through Eligibility's outbox in the
/// same SaveChanges), only for residents who opted in to proactive matching, and never twice for the same
/// resident × subject × kind × period (the keys already stored are skipped; the unique index backs it).
/// </summary>
internal sealed class OpportunityWriter(EligibilityDbContext db, RuleSet rules, MatchingRun run, HashSet<long> optedIn, DateTimeOffset now)
{
    private readonly HashSet<(long, string, string, string)> existing = [];

    public async Task LoadExistingAsync(Period month, CancellationToken cancellationToken)
    {
        var monthText = month.ToString();
        foreach (var o in await db.Opportunities.AsNoTracking()
            .Where(o => o.Period == monthText || o.Kind == OpportunityKinds.DueSoon)
            .Select(o => new { o.ResidentId, o.Subject, o.Kind, o.Period }).ToListAsync(cancellationToken))
        {
            existing.Add((o.ResidentId, o.Subject, o.Kind, o.Period));
        }
    }

    public bool Benefit(long resident, long notify, BatchBenefit benefit, string kind, string month)
    {
        if (!optedIn.Contains(notify))
        {
            // Most residents have not opted in: skip building the texts (a first run meets ~400,000 changes a million residents).
            return false;
        }

        var variable = rules.Variable(benefit.EligibleVariable);
        var slug = variable.ServiceSlug;
        var newly = kind == OpportunityKinds.NewlyEligible;
        var link = newly && slug is not null ? $"/services/{slug}/apply" : $"/my/benefits?month={month}";
        var (title, content) = newly
            ? ($"[나라] {variable.LabelKo}: 신청하실 수 있습니다 / You may be eligible",
               $"{month} 기준 등록 정보로 보면 {variable.LabelKo}에 해당합니다. 신청서는 미리 채워져 있습니다.\n"
               + $"From registry data for {month} you may be eligible ({variable.LabelEn}). The application is prefilled.\n{link}")
            : ($"[나라] {variable.LabelKo}: 더 이상 해당하지 않습니다 / No longer eligible",
               $"{month} 기준 등록 정보로 보면 {variable.LabelKo}에 더 이상 해당하지 않습니다. 이유를 확인하세요.\n"
               + $"From registry data for {month} you no longer qualify ({variable.LabelEn}). See why on your benefits page.\n{link}");
        return Write(resident, notify, benefit.Id, kind, month, NotificationKinds.Benefits, title, content);
    }

    public bool Due(long resident, long notify, DueEvent due)
    {
        if (!optedIn.Contains(notify))
        {
            return false;
        }

        var day = due.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var link = due.ServiceSlug is { } slug ? $"/services/{slug}/apply" : "/services";
        return Write(resident, notify, due.Id, OpportunityKinds.DueSoon, day, NotificationKinds.DueDates,
            $"[나라] {due.NameKo} 기한 안내 / {due.NameEn} due",
            $"{due.NameKo} 기한이 {day}입니다.\nYour {due.NameEn} is due by {day}.\n{link}");
    }

    private bool Write(long resident, long notify, string subject, string kind, string period, string notificationKind, string title, string content)
    {
        if (!optedIn.Contains(notify) || !existing.Add((resident, subject, kind, period)))
        {
            return false;
        }

        db.Opportunities.Add(new Opportunity
        {
            Id = Guid.NewGuid(), ResidentId = resident, NotifyResidentId = notify, Subject = subject, Kind = kind, Period = period, RunId = run.Id, CreatedAt = now,
        });
        db.Publish(
            new NotificationRequested(
                "govstack.email",
                new NotificationRecipient(ResidentId: notify.ToString(CultureInfo.InvariantCulture)),
                new Dictionary<string, string> { ["title"] = title, ["content"] = content },
                notificationKind,
                $"eligibility:{resident}:{subject}:{kind}:{period}"),
            now);
        return true;
    }
}
