using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Time;
using Nara.Services.Contracts;
using Nara.Services.Data;
using Nara.Services.Domain.Applications;
using Nara.Services.Domain.Calendar;
using Nara.Services.Domain.Catalogue;
using Nara.Services.Domain.Forms;

namespace Nara.Services.Features.Applications;

internal enum SubmitStatus
{
    NotFound,
    Invalid,
    Submitted,
    AlreadySubmitted,

    /// <summary>The applicant named by an agency system is no active citizen account (Registration API only).</summary>
    UnknownApplicant,
}

/// <param name="FirstInvalidStep">Where to send the citizen back to when a field is wrong.</param>
internal sealed record SubmitOutcome(SubmitStatus Status, Application? Application, IReadOnlyDictionary<string, string> Errors, int FirstInvalidStep = 0);

/// <summary>
/// Submits a draft: every field is checked again, then one case per service (one for a single
/// service, one per bundled service for a one-stop bundle, each in its owning agency) is created in
/// a single SaveChanges with its <c>ApplicationSubmitted</c> events: all cases or none. A second submit
/// (refresh, double click, two tabs) finds the application already submitted and creates nothing.
/// </summary>
internal sealed class SubmitApplication(ServicesDbContext db, ServiceCatalogue catalogue, BusinessCalendar calendar, TimeProvider clock)
{
    public async Task<SubmitOutcome> ExecuteAsync(Guid applicantAccountId, Guid applicationId, string actorName, CancellationToken ct)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId && a.ApplicantAccountId == applicantAccountId, ct);
        if (application is null || catalogue.Get(application.ServiceSlug) is not { Form: { } form } service)
        {
            return new SubmitOutcome(SubmitStatus.NotFound, null, Empty);
        }

        if (application.Status != ApplicationStatuses.Draft)
        {
            return new SubmitOutcome(SubmitStatus.AlreadySubmitted, application, Empty);
        }

        var today = KoreaTime.Today(clock);
        var (errors, step) = CheckAll(form, Answers.Read(application.AnswersJson), Answers.Read(application.PrefilledJson), today);
        var targets = Targets(service);
        if (targets.Any(t => t is null))
        {
            errors[""] = Nara.Kernel.Localization.Bilingual.L("이 묶음 서비스에 없는 서비스가 들어 있어 신청할 수 없습니다.", "This bundle names a service that does not exist, so it cannot be submitted.");
        }

        if (errors.Count > 0)
        {
            return new SubmitOutcome(SubmitStatus.Invalid, application, errors, step);
        }

        AddCases(application, targets!, clock.GetUtcNow(), today, "citizen", applicantAccountId, actorName);
        application.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
            return new SubmitOutcome(SubmitStatus.Submitted, application, Empty);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request submitted (or saved) it first; nothing of ours was written.
            db.ChangeTracker.Clear();
            var current = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == applicationId, ct);
            return current.Status == ApplicationStatuses.Submitted
                ? new SubmitOutcome(SubmitStatus.AlreadySubmitted, current, Empty)
                : new SubmitOutcome(SubmitStatus.Invalid, current, new Dictionary<string, string> { [""] = SaveStep.StaleMessage });
        }
    }

    /// <summary>One case per target service in its owning agency, each with its first history line and its event; marks the application submitted.</summary>
    public void AddCases(Application application, IEnumerable<ServiceDefinition?> targets, DateTimeOffset now, DateOnly today, string actorKind, Guid? actorId, string actorName)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(targets);
        foreach (var target in targets)
        {
            var c = new Case
            {
                Id = Guid.CreateVersion7(now), ApplicationId = application.Id, ServiceSlug = target!.Slug, Agency = target.Agency,
                ApplicantAccountId = application.ApplicantAccountId, ApplicantResidentId = application.ApplicantResidentId,
                SubmittedAt = now, DueOn = calendar.Deadline(today, target.ProcessingDays),
            };
            // Added explicitly: found only through the navigation, a new row with its key already set would be taken for an existing one.
            db.Cases.Add(c);
            db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = now, ActorKind = actorKind, ActorId = actorId, ActorName = actorName, Action = CaseActions.Submitted });
            application.Cases.Add(c);
            db.Publish(new ApplicationSubmitted(application.Id, c.Id, c.ServiceSlug, c.Agency, application.ApplicantAccountId, application.ApplicantResidentId, now), now);
        }

        application.Status = ApplicationStatuses.Submitted;
        application.SubmittedAt = now;
        application.UpdatedAt = now;
    }

    /// <summary>The services one application to <paramref name="service"/> creates cases for; null entries are unknown slugs.</summary>
    public IReadOnlyList<ServiceDefinition?> Targets(ServiceDefinition service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.IsBundle ? [.. service.Bundle.Select(catalogue.Get)] : [service];
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    /// <summary>Every field of every step, as the step pages check them; the first wrong step is where to go back to.</summary>
    public static (Dictionary<string, string> Errors, int FirstStep) CheckAll(FormDefinition form, Dictionary<string, string> answers, Dictionary<string, string> prefilled, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var first = -1;
        for (var i = 0; i < form.Steps.Count; i++)
        {
            foreach (var field in form.Steps[i].Fields.Where(f => !prefilled.ContainsKey(f.Id)))
            {
                var message = FieldValidator.Check(field, answers.GetValueOrDefault(field.Id), today, out _);
                if (message is not null)
                {
                    errors[field.Id] = message;
                    first = first < 0 ? i : first;
                }
            }
        }

        return (errors, Math.Max(first, 0));
    }
}
