using Microsoft.EntityFrameworkCore;
using Nara.Eligibility.Data;
using Nara.Eligibility.Domain;
using Nara.Eligibility.Engine;
using Nara.Kernel.Events;
using Nara.Kernel.Time;
using Nara.Registries.Contracts;
using Nara.Services.Contracts;

namespace Nara.Eligibility.Features;

/// <summary>
/// Services approved an application for a benefit with a maximum duration: remember from which month it is paid
/// (the decision's month, Korean time), so the rules count the months used, and queue the applicant's household for
/// the next incremental run. The first grant of a resident × benefit counts; later ones change nothing.
/// </summary>
internal sealed class RecordBenefitGrant(EligibilityDbContext db, RuleSet rules, IPopulationFacts registries, TimeProvider clock)
    : IIntegrationEventHandler<ApplicationDecided>
{
    public async Task HandleAsync(IntegrationEventEnvelope<ApplicationDecided> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var benefit = MonthsPaid.Benefits(rules).FirstOrDefault(b => rules.Variable(b + "_eligible").ServiceSlug == e.ServiceSlug);
        if (e.Decision != CaseDecisions.Approved || e.ApplicantResidentId is not { } resident || benefit is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (!await db.MarkProcessedAsync(envelope.MessageId, nameof(RecordBenefitGrant), now, cancellationToken))
        {
            return;
        }

        if (!await db.Grants.AnyAsync(g => g.ResidentId == resident && g.Benefit == benefit, cancellationToken))
        {
            var day = DateOnly.FromDateTime(KoreaTime.ToSeoul(e.DecidedAt).DateTime);
            db.Grants.Add(new BenefitGrant { ResidentId = resident, Benefit = benefit, FirstMonth = new DateOnly(day.Year, day.Month, 1), CaseId = e.CaseId, DecidedAt = e.DecidedAt });
            foreach (var household in await registries.HouseholdsOfAsync([resident], cancellationToken))
            {
                if (await db.Pending.FindAsync([household], cancellationToken) is { } pending)
                {
                    pending.Since = now;
                }
                else
                {
                    db.Pending.Add(new PendingHousehold { HouseholdId = household, Since = now });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
