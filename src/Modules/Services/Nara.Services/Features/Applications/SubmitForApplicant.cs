using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Localization;
using Nara.Kernel.Security;
using Nara.Kernel.Time;
using Nara.Services.Data;
using Nara.Services.Domain.Applications;
using Nara.Services.Domain.Catalogue;
using Nara.Services.Domain.Forms;

namespace Nara.Services.Features.Applications;

/// <summary>
/// An agency system submits a complete application on a citizen's behalf (GovStack Registration
/// <c>POST /services/{id}/applications</c>): the answers are checked as the pages check them, and the
/// application and all its cases are written in one SaveChanges, or nothing is. The idempotency key
/// makes a retried request return the first application.
/// </summary>
internal sealed class SubmitForApplicant(ServicesDbContext db, ServiceCatalogue catalogue, SubmitApplication submit, TimeProvider clock)
{
    public async Task<SubmitOutcome> ExecuteAsync(string clientId, Guid applicantAccountId, string slug, IReadOnlyDictionary<string, string?> data, string idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (catalogue.Get(slug) is not { Form: { } form } service || !service.AppliesOnline)
        {
            return new SubmitOutcome(SubmitStatus.NotFound, null, new Dictionary<string, string>());
        }

        if (await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.ApplicantAccountId == applicantAccountId && a.IdempotencyKey == idempotencyKey, ct) is { } existing)
        {
            return new SubmitOutcome(SubmitStatus.AlreadySubmitted, existing, new Dictionary<string, string>());
        }

        var today = KoreaTime.Today(clock);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in form.Steps.SelectMany(s => s.Fields))
        {
            // Files cannot come through this endpoint (documentUrls are links, kept as given).
            var raw = field.Type == FieldTypes.File ? null : data.GetValueOrDefault(field.Id);
            var message = field.Type == FieldTypes.File && field.Required
                ? Bilingual.L($"{field.Label.Current}: 파일은 온라인 신청 화면에서만 낼 수 있습니다.", $"{field.Label.Current}: files can only be attached on the online application pages.")
                : FieldValidator.Check(field, raw, today, out var normalised);
            if (message is not null)
            {
                errors[field.Id] = message;
            }
            else if (raw is { Length: > 0 })
            {
                answers[field.Id] = FieldValidator.Check(field, raw, today, out var value) is null ? value : raw;
            }
        }

        foreach (var unknown in data.Keys.Where(k => form.Steps.SelectMany(s => s.Fields).All(f => f.Id != k)))
        {
            errors[unknown] = Bilingual.L("이 서식에 없는 항목입니다.", "This form has no such field.");
        }

        var targets = submit.Targets(service);
        if (errors.Count > 0 || targets.Any(t => t is null))
        {
            return new SubmitOutcome(SubmitStatus.Invalid, null, errors);
        }

        var now = clock.GetUtcNow();
        var application = new Application
        {
            Id = Guid.CreateVersion7(now), ApplicantAccountId = applicantAccountId, ServiceSlug = slug, IdempotencyKey = idempotencyKey,
            Channel = clientId, CreatedAt = now, UpdatedAt = now, AnswersJson = Answers.Write(answers), CurrentStep = form.Steps.Count,
        };
        db.Applications.Add(application);
        submit.AddCases(application, targets, now, today, ActorKinds.AgencyClient, null, clientId);
        try
        {
            await db.SaveChangesAsync(ct);
            return new SubmitOutcome(SubmitStatus.Submitted, application, new Dictionary<string, string>());
        }
        catch (DbUpdateException)
        {
            // The same key arrived twice at once: the other request's application stands.
            db.ChangeTracker.Clear();
            var first = await db.Applications.AsNoTracking().FirstAsync(a => a.ApplicantAccountId == applicantAccountId && a.IdempotencyKey == idempotencyKey, ct);
            return new SubmitOutcome(SubmitStatus.AlreadySubmitted, first, new Dictionary<string, string>());
        }
    }
}
