using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Time;
using Nara.Services.Data;
using Nara.Services.Domain.Applications;
using Nara.Services.Domain.Catalogue;
using Nara.Services.Domain.Forms;
using Nara.Services.Features.Documents;

namespace Nara.Services.Features.Applications;

/// <param name="FieldId">The file field the upload answers.</param>
internal sealed record Upload(string FieldId, string FileName, byte[] Content);

/// <param name="Errors">Field id → message; empty when saved.</param>
/// <param name="Values">What was typed (normalised when valid), to show again.</param>
internal sealed record StepOutcome(bool Found, bool Saved, IReadOnlyDictionary<string, string> Errors, IReadOnlyDictionary<string, string> Values);

/// <summary>
/// Checks one step's answers field by field and keeps them in the draft. Nothing is stored when a
/// field is wrong: the page shows the errors with what was typed.
/// </summary>
internal sealed class SaveStep(ServicesDbContext db, ServiceCatalogue catalogue, DocumentStore documents, TimeProvider clock)
{
    public async Task<StepOutcome> ExecuteAsync(Applicant applicant, Guid applicationId, int stepIndex, IReadOnlyDictionary<string, string?> posted, IReadOnlyList<Upload> uploads, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(uploads);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId && a.ApplicantAccountId == applicant.AccountId, ct);
        if (application is null || application.Status != ApplicationStatuses.Draft
            || catalogue.Get(application.ServiceSlug)?.Form is not { } form || stepIndex < 0 || stepIndex >= form.Steps.Count)
        {
            return new StepOutcome(false, false, new Dictionary<string, string>(), new Dictionary<string, string>());
        }

        var answers = Answers.Read(application.AnswersJson);
        var prefilled = Answers.Read(application.PrefilledJson);
        var (errors, values) = Check(form.Steps[stepIndex], posted, uploads, answers, prefilled, KoreaTime.Today(clock));
        if (errors.Count > 0)
        {
            return new StepOutcome(true, false, errors, values);
        }

        var stored = new List<Guid>();
        var now = clock.GetUtcNow();
        foreach (var upload in uploads.Where(u => u.Content.Length > 0))
        {
            var field = form.Steps[stepIndex].Fields.First(f => f.Id == upload.FieldId);
            UploadRules.Check(field, upload.FileName, upload.Content, out var type);
            var id = Guid.CreateVersion7(now);
            var hash = await documents.WriteAsync(id, upload.Content, ct);
            stored.Add(id);
            db.Documents.Add(new StoredDocument
            {
                Id = id, ApplicationId = application.Id, Kind = DocumentKinds.Upload, FileName = Path.GetFileName(upload.FileName),
                ContentType = type, Size = upload.Content.Length, Sha256 = hash, CreatedAt = now,
            });
            values[field.Id] = id.ToString();
        }

        foreach (var (key, value) in values)
        {
            answers[key] = value;
        }

        application.AnswersJson = Answers.Write(answers);
        application.CurrentStep = Math.Max(application.CurrentStep, Math.Min(stepIndex + 1, form.Steps.Count));
        application.UpdatedAt = now;
        application.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            stored.ForEach(documents.Delete);
            return new StepOutcome(true, false, new Dictionary<string, string> { [""] = StaleMessage }, values);
        }

        return new StepOutcome(true, true, new Dictionary<string, string>(), values);
    }

    public static string StaleMessage => Nara.Kernel.Localization.Bilingual.L(
        "다른 창에서 이 신청서가 바뀌었습니다. 새로고침한 뒤 다시 입력하세요.", "This application was changed in another window. Reload the page and try again.");

    private static (Dictionary<string, string> Errors, Dictionary<string, string> Values) Check(
        FormStep step, IReadOnlyDictionary<string, string?> posted, IReadOnlyList<Upload> uploads,
        Dictionary<string, string> answers, Dictionary<string, string> prefilled, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in step.Fields)
        {
            if (prefilled.ContainsKey(field.Id))
            {
                continue; // read-only: the registry's value stands, whatever was posted
            }

            if (field.Type == FieldTypes.File)
            {
                var upload = uploads.FirstOrDefault(u => u.FieldId == field.Id && u.Content.Length > 0);
                var error = upload is not null ? UploadRules.Check(field, upload.FileName, upload.Content, out _)
                    : field.Required && !answers.ContainsKey(field.Id) ? FieldValidator.Check(field, null, today, out _)
                    : null;
                if (error is not null)
                {
                    errors[field.Id] = error;
                }

                continue;
            }

            var raw = posted.GetValueOrDefault(field.Id) ?? "";
            var message = FieldValidator.Check(field, raw, today, out var normalised);
            values[field.Id] = message is null ? normalised : raw;
            if (message is not null)
            {
                errors[field.Id] = message;
            }
        }

        return (errors, values);
    }
}
