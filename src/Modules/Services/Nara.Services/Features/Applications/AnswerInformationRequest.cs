using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Security;
using Nara.Services.Contracts;
using Nara.Services.Data;
using Nara.Services.Domain.Applications;

namespace Nara.Services.Features.Applications;

/// <summary>The applicant answers an official's request for more information; the case goes back to review.</summary>
internal sealed class AnswerInformationRequest(ServicesDbContext db, TimeProvider clock)
{
    public const int MaxAnswerLength = 4_000;

    public async Task<bool> ExecuteAsync(Applicant applicant, Guid caseId, Guid requestId, string answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        answer = (answer ?? "").Trim();
        if (answer.Length is 0 or > MaxAnswerLength)
        {
            return false;
        }

        var c = await db.Cases.Include(x => x.InformationRequests).FirstOrDefaultAsync(x => x.Id == caseId && x.ApplicantAccountId == applicant.AccountId, ct);
        var request = c?.InformationRequests.FirstOrDefault(r => r.Id == requestId && r.Answer is null);
        if (c is null || request is null || c.Status != CaseStatuses.InfoRequested)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        request.Answer = answer;
        request.AnsweredAt = now;
        c.Status = CaseStatuses.InReview;
        c.Version++;
        db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = now, ActorKind = ActorKinds.Citizen, ActorId = applicant.AccountId, ActorName = applicant.Name, Action = CaseActions.InfoAnswered, Comment = answer });
        db.Publish(new CaseStatusChanged(c.Id, c.ServiceSlug, c.Agency, c.ApplicantAccountId, CaseStatuses.InfoRequested, c.Status, ActorKinds.Citizen, applicant.AccountId, now), now);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
