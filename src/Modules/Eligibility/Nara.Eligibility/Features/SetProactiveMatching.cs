using Microsoft.EntityFrameworkCore;
using Nara.Eligibility.Contracts;
using Nara.Eligibility.Data;
using Nara.Eligibility.Domain;

namespace Nara.Eligibility.Features;

/// <summary>
/// A citizen's consent to proactive matching: off until they switch it on (opt-in). Without it, runs still
/// evaluate them (officials' counts) but never create opportunities or notifications for them.
/// The change and its audit event are one SaveChanges.
/// </summary>
internal sealed class SetProactiveMatching(EligibilityDbContext db, TimeProvider clock)
{
    public async Task<bool> IsOptedInAsync(long residentId, CancellationToken cancellationToken) =>
        await db.Consents.AsNoTracking().AnyAsync(c => c.ResidentId == residentId && c.OptedIn, cancellationToken);

    public async Task SetAsync(long residentId, bool optedIn, string? accountId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var consent = await db.Consents.FirstOrDefaultAsync(c => c.ResidentId == residentId, cancellationToken);
        if (consent?.OptedIn == optedIn || (consent is null && !optedIn))
        {
            return;
        }

        if (consent is null)
        {
            db.Consents.Add(new MatchingConsent { ResidentId = residentId, OptedIn = optedIn, ChangedAt = now });
        }
        else
        {
            consent.OptedIn = optedIn;
            consent.ChangedAt = now;
        }

        db.Publish(new ProactiveMatchingChanged(residentId, optedIn, accountId), now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
