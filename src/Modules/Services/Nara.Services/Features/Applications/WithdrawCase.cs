using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Security;
using Nara.Services.Contracts;
using Nara.Services.Data;
using Nara.Services.Domain.Applications;

namespace Nara.Services.Features.Applications;

/// <summary>The applicant withdraws one case before it is decided (the bundle's other cases go on).</summary>
internal sealed class WithdrawCase(ServicesDbContext db, TimeProvider clock)
{
    public async Task<bool> ExecuteAsync(Applicant applicant, Guid caseId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == caseId && x.ApplicantAccountId == applicant.AccountId, ct);
        if (c is null || !c.IsOpen)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var from = c.Status;
        c.Status = CaseStatuses.Withdrawn;
        c.Version++;
        db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = now, ActorKind = ActorKinds.Citizen, ActorId = applicant.AccountId, ActorName = applicant.Name, Action = CaseActions.Withdrawn });
        db.Publish(new CaseStatusChanged(c.Id, c.ServiceSlug, c.Agency, c.ApplicantAccountId, from, c.Status, ActorKinds.Citizen, applicant.AccountId, now), now);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // an official decided it at the same moment
        }
    }
}
