using Microsoft.EntityFrameworkCore;
using Nara.Identity.Contracts;
using Nara.Kernel.Localization;
using Nara.Kernel.Security;
using Nara.Kernel.Time;
using Nara.Services.Data;
using Nara.Services.Domain.Applications;
using Nara.Services.Domain.Catalogue;
using Nara.Services.Domain.Forms;
using Nara.Services.Features.Documents;

namespace Nara.Services.Features.Applications;

/// <summary>
/// An agency system submits a complete application on a citizen's behalf (GovStack Registration
/// <c>POST /services/{id}/applications</c>): the answers are checked as the pages check them, and the
/// application and all its cases are written in one SaveChanges, or nothing is. The idempotency key
/// makes a retried request return the first application. The applicant must be an active citizen account
/// (asked through Identity's <see cref="ICitizenAccounts"/>): a case for nobody could never be followed or answered.
/// </summary>
internal sealed class SubmitForApplicant(ServicesDbContext db, ServiceCatalogue catalogue, SubmitApplication submit, DocumentStore documents, ICitizenAccounts accounts, TimeProvider clock)
{
    public Task<SubmitOutcome> ExecuteAsync(string clientId, Guid applicantAccountId, string slug, IReadOnlyDictionary<string, string?> data, string idempotencyKey, CancellationToken ct) =>
        ExecuteAsync(clientId, applicantAccountId, slug, data, [], idempotencyKey, ct);

    /// <param name="uploads">Files for the form's file fields, by field id (multipart parts), checked as the pages check them.</param>
    public async Task<SubmitOutcome> ExecuteAsync(string clientId, Guid applicantAccountId, string slug, IReadOnlyDictionary<string, string?> data, IReadOnlyList<Upload> uploads, string idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(uploads);
        if (catalogue.Get(slug) is not { Form: { } form } service || !service.AppliesOnline)
        {
            return new SubmitOutcome(SubmitStatus.NotFound, null, new Dictionary<string, string>());
        }

        if (await accounts.FindAsync(applicantAccountId, ct) is not { Disabled: false })
        {
            return new SubmitOutcome(SubmitStatus.UnknownApplicant, null, new Dictionary<string, string>());
        }

        if (await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.ApplicantAccountId == applicantAccountId && a.IdempotencyKey == idempotencyKey, ct) is { } existing)
        {
            return new SubmitOutcome(SubmitStatus.AlreadySubmitted, existing, new Dictionary<string, string>());
        }

        var today = KoreaTime.Today(clock);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new List<(FormField Field, Upload Upload, string Type)>();
        foreach (var field in form.Steps.SelectMany(s => s.Fields))
        {
            if (field.Type == FieldTypes.File)
            {
                var file = CheckFile(field, uploads, today, out var type);
                if (file.Error is not null)
                {
                    errors[field.Id] = file.Error;
                }
                else if (file.Upload is not null)
                {
                    files.Add((field, file.Upload, type));
                }

                continue;
            }

            var raw = data.GetValueOrDefault(field.Id);
            var message = FieldValidator.Check(field, raw, today, out var normalised);
            if (message is not null)
            {
                errors[field.Id] = message;
            }
            else if (raw is { Length: > 0 })
            {
                answers[field.Id] = FieldValidator.Check(field, raw, today, out var value) is null ? value : raw;
            }
        }

        foreach (var unknown in data.Keys.Concat(uploads.Select(u => u.FieldId)).Where(k => form.Steps.SelectMany(s => s.Fields).All(f => f.Id != k)))
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
        var stored = await StoreAsync(application, files, answers, now, ct);
        application.AnswersJson = Answers.Write(answers);
        db.Applications.Add(application);
        submit.AddCases(application, targets, now, today, ActorKinds.AgencyClient, null, clientId);
        try
        {
            await db.SaveChangesAsync(ct);
            return new SubmitOutcome(SubmitStatus.Submitted, application, new Dictionary<string, string>());
        }
        catch (DbUpdateException)
        {
            // The same key arrived twice at once: the other request's application stands (and keeps its own files).
            stored.ForEach(documents.Delete);
            db.ChangeTracker.Clear();
            var first = await db.Applications.AsNoTracking().FirstAsync(a => a.ApplicantAccountId == applicantAccountId && a.IdempotencyKey == idempotencyKey, ct);
            return new SubmitOutcome(SubmitStatus.AlreadySubmitted, first, new Dictionary<string, string>());
        }
    }

    private static (Upload? Upload, string? Error) CheckFile(FormField field, IReadOnlyList<Upload> uploads, DateOnly today, out string type)
    {
        type = "";
        var sent = uploads.Where(u => u.FieldId == field.Id).ToList();
        if (sent.Count > 1)
        {
            return (null, Bilingual.L($"{field.Label.Current}: 파일은 하나만 낼 수 있습니다.", $"{field.Label.Current}: send one file only."));
        }

        if (sent.Count == 0)
        {
            return (null, field.Required ? FieldValidator.Check(field, null, today, out _) : null);
        }

        var error = UploadRules.Check(field, sent[0].FileName, sent[0].Content, out type);
        return error is null ? (sent[0], null) : (null, error);
    }

    /// <summary>Writes the checked files and records them against the application; the caller deletes them if the save fails.</summary>
    private async Task<List<Guid>> StoreAsync(Application application, List<(FormField Field, Upload Upload, string Type)> files, Dictionary<string, string> answers, DateTimeOffset now, CancellationToken ct)
    {
        var stored = new List<Guid>();
        foreach (var (field, upload, type) in files)
        {
            var id = Guid.CreateVersion7(now);
            var hash = await documents.WriteAsync(id, upload.Content, ct);
            stored.Add(id);
            db.Documents.Add(new StoredDocument
            {
                Id = id, ApplicationId = application.Id, Kind = DocumentKinds.Upload, FileName = Path.GetFileName(upload.FileName),
                ContentType = type, Size = upload.Content.Length, Sha256 = hash, CreatedAt = now,
            });
            answers[field.Id] = id.ToString();
        }

        return stored;
    }
}
