using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Localization;
using Nara.Kernel.Security;
using Nara.Kernel.Time;
using Nara.Services.Contracts;
using Nara.Services.Data;
using Nara.Services.Domain.Applications;
using Nara.Services.Domain.Catalogue;
using Nara.Services.Domain.Forms;

namespace Nara.Services.Features.Applications;

internal enum ResubmitStatus
{
    Done,
    NotFound,
    NotSentBack,
    Invalid,
    Stale,
}

internal sealed record ResubmitOutcome(ResubmitStatus Status, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// An agency system corrects a file its agency sent back (GovStack Registration <c>PUT /applications/{fileId}</c>):
/// the fields sent replace the stored answers after the same checks as the pages make, the open information
/// request of the agency's case is answered with the list of changed fields, and the case returns to review,
/// all in one SaveChanges. Only a sent-back file can change: a decided or pending file is not rewritten behind
/// the official's back.
/// </summary>
internal sealed class ResubmitForApplicant(ServicesDbContext db, ServiceCatalogue catalogue, TimeProvider clock)
{
    public async Task<ResubmitOutcome> ExecuteAsync(string clientId, string agency, Guid fileId, IReadOnlyDictionary<string, string?> data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        var application = await db.Applications.Include(a => a.Cases).ThenInclude(c => c.InformationRequests)
            .FirstOrDefaultAsync(a => a.Id == fileId && a.Cases.Any(c => c.Agency == agency), ct);
        if (application is null || catalogue.Get(application.ServiceSlug) is not { Form: { } form })
        {
            return new ResubmitOutcome(ResubmitStatus.NotFound, new Dictionary<string, string>());
        }

        var sentBack = application.Cases.Where(c => c.Agency == agency && c.Status == CaseStatuses.InfoRequested).ToList();
        if (sentBack.Count == 0)
        {
            return new ResubmitOutcome(ResubmitStatus.NotSentBack, new Dictionary<string, string>());
        }

        var fields = form.Steps.SelectMany(s => s.Fields).ToDictionary(f => f.Id, StringComparer.Ordinal);
        var today = KoreaTime.Today(clock);
        var answers = Answers.Read(application.AnswersJson);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, raw) in data)
        {
            if (!fields.TryGetValue(id, out var field))
            {
                errors[id] = Bilingual.L("이 서식에 없는 항목입니다.", "This form has no such field.");
            }
            else if (field.Type == FieldTypes.File)
            {
                errors[id] = Bilingual.L("파일은 온라인 신청 화면에서만 낼 수 있습니다.", "Files can only be attached on the online application pages.");
            }
            else if (FieldValidator.Check(field, raw, today, out var value) is { } message)
            {
                errors[id] = message;
            }
            else if (raw is { Length: > 0 })
            {
                answers[id] = value;
            }
            else
            {
                answers.Remove(id);
            }
        }

        if (data.Count == 0)
        {
            errors[""] = Bilingual.L("바꿀 항목을 하나 이상 보내십시오.", "Send at least one field to change.");
        }

        if (errors.Count > 0)
        {
            return new ResubmitOutcome(ResubmitStatus.Invalid, errors);
        }

        var now = clock.GetUtcNow();
        application.AnswersJson = Answers.Write(answers);
        application.UpdatedAt = now;
        application.Version++;
        var note = $"Corrected by {clientId}: {string.Join(", ", data.Keys.Order(StringComparer.Ordinal))}";
        foreach (var c in sentBack)
        {
            foreach (var request in c.InformationRequests.Where(r => r.Answer is null))
            {
                request.Answer = note;
                request.AnsweredAt = now;
            }

            c.Status = CaseStatuses.InReview;
            c.Version++;
            db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = now, ActorKind = ActorKinds.AgencyClient, ActorName = clientId, Action = CaseActions.InfoAnswered, Comment = note });
            db.Publish(new CaseStatusChanged(c.Id, c.ServiceSlug, c.Agency, c.ApplicantAccountId, CaseStatuses.InfoRequested, c.Status, ActorKinds.AgencyClient, null, now, clientId), now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return new ResubmitOutcome(ResubmitStatus.Done, new Dictionary<string, string>());
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ResubmitOutcome(ResubmitStatus.Stale, new Dictionary<string, string>());
        }
    }
}
