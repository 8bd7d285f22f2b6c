using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Security;
using Nara.Services.Contracts;
using Nara.Services.Data;
using Nara.Services.Domain.Applications;
using Nara.Services.Features.Documents;

namespace Nara.Services.Features.Cases;

/// <summary>
/// An agency's back-office system completes a case through the GovStack Registration API: approve or
/// reject (the agency's own system ran its approval line), or send it back to the applicant for more
/// information. Same history, letter, events and message as the officials' pages.
/// </summary>
internal sealed class CompleteTask(ServicesDbContext db, ServiceCatalogue catalogue, DocumentStore documents, TimeProvider clock)
{
    public const string Approve = "APPROVED";
    public const string Reject = "REJECTED";
    public const string SendBack = "SENDBACK";

    public async Task<CaseResult> ExecuteAsync(string clientId, string agency, Guid caseId, string outcome, string? reason, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == caseId && x.Agency == agency, ct);
        if (c is null)
        {
            return CaseResult.NotFound;
        }

        if (!c.IsOpen || c.Status == CaseStatuses.InfoRequested)
        {
            return CaseResult.Refused("The task is not open: the case is decided, withdrawn or waiting for the applicant.");
        }

        reason = CaseWork.Clean(reason, DraftDecision.MaxReason);
        if ((outcome is Reject or SendBack) && reason is null)
        {
            return CaseResult.Refused("data.reason is required to reject or send back (up to 2000 characters).");
        }

        var now = clock.GetUtcNow();
        var service = catalogue.Get(c.ServiceSlug);
        var from = c.Status;
        Guid? letterId = null;
        void Record(string action) => db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = now, ActorKind = ActorKinds.AgencyClient, ActorName = clientId, Action = action, Comment = reason });
        if (outcome == SendBack)
        {
            var request = new InformationRequest { Id = Guid.CreateVersion7(now), CaseId = c.Id, Question = reason!, AskedAt = now };
            db.InformationRequests.Add(request);
            c.Status = CaseStatuses.InfoRequested;
            Record(CaseActions.InfoRequested);
            db.Publish(ApplicantNotices.InformationRequested(c, service, request.Id), now);
            db.Publish(new CaseStatusChanged(c.Id, c.ServiceSlug, c.Agency, c.ApplicantAccountId, from, c.Status, ActorKinds.AgencyClient, null, now, clientId), now);
        }
        else
        {
            c.Decision = outcome == Approve ? CaseDecisions.Approved : CaseDecisions.Rejected;
            c.DecisionReason = reason;
            c.DecidedAt = now;
            c.ApproverName = clientId;
            c.Status = outcome == Approve ? CaseStatuses.Approved : CaseStatuses.Rejected;
            var letter = DecisionLetter.Render(c, service);
            letterId = Guid.CreateVersion7(now);
            var hash = await documents.WriteAsync(letterId.Value, letter, ct);
            db.Documents.Add(new StoredDocument
            {
                Id = letterId.Value, ApplicationId = c.ApplicationId, CaseId = c.Id, Kind = DocumentKinds.DecisionLetter,
                FileName = $"decision-{c.ServiceSlug}-{c.Id.ToString("N")[..8]}.html", ContentType = "text/html; charset=utf-8",
                Size = letter.Length, Sha256 = hash, CreatedAt = now,
            });
            c.LetterDocumentId = letterId;
            Record(outcome == Approve ? CaseActions.Approved : CaseActions.Rejected);
            db.Publish(new ApplicationDecided(c.ApplicationId, c.Id, c.ServiceSlug, c.Agency, c.ApplicantAccountId, c.ApplicantResidentId, c.Decision, Guid.Empty, letterId, now, clientId), now);
            db.Publish(ApplicantNotices.Decided(c, service), now);
        }

        c.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
            return CaseResult.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            if (letterId is { } id)
            {
                documents.Delete(id);
            }

            return new CaseResult(CaseOutcome.Stale, "The case changed while completing the task; read it again and retry.");
        }
    }
}
