using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nara.Eligibility.Data;
using Nara.Eligibility.Domain;
using Nara.Kernel.Events;
using Nara.Registries.Contracts;

namespace Nara.Eligibility.Features;

/// <summary>
/// A registry record changed: queue the households whose facts it may change (the subject resident's
/// household now and the one we last stored them in, or the household a household-keyed record names)
/// for the next incremental run. Queuing is idempotent (one row per household).
/// </summary>
internal sealed class QueueRegistryChange(EligibilityDbContext db, IPopulationFacts registries, TimeProvider clock) : IIntegrationEventHandler<RegistryRecordChanged>
{
    private static readonly HashSet<string> HouseholdKeyed = new(StringComparer.Ordinal) { "households", "incomes", "tenancies" };

    public async Task HandleAsync(IntegrationEventEnvelope<RegistryRecordChanged> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var e = envelope.Event;
        var now = clock.GetUtcNow();
        if (!await db.MarkProcessedAsync(envelope.MessageId, nameof(QueueRegistryChange), now, cancellationToken))
        {
            return;
        }

        var households = new HashSet<long>();
        if (long.TryParse(e.SubjectResidentId, NumberStyles.None, CultureInfo.InvariantCulture, out var resident))
        {
            households.UnionWith(await registries.HouseholdsOfAsync([resident], cancellationToken));
            households.UnionWith(await db.Results.Where(r => r.ResidentId == resident).Select(r => r.HouseholdId).ToListAsync(cancellationToken));
        }

        if (HouseholdKeyed.Contains(e.Registry) && long.TryParse(e.RecordId.Split(':')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var household))
        {
            households.Add(household);
        }

        var queued = await db.Pending.Where(p => households.Contains(p.HouseholdId)).ToListAsync(cancellationToken);
        foreach (var id in households)
        {
            if (queued.FirstOrDefault(p => p.HouseholdId == id) is { } existing)
            {
                existing.Since = now;
            }
            else
            {
                db.Pending.Add(new PendingHousehold { HouseholdId = id, Since = now });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
