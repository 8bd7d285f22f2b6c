using Microsoft.EntityFrameworkCore;
using Nara.Identity.Data;
using Nara.Identity.Domain;

namespace Nara.Identity.Features.Passkeys;

/// <summary>Stores the options given to a browser and hands them back exactly once.</summary>
internal sealed class Ceremonies(IdentityDbContext db, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<Guid> StoreAsync(CeremonyKind kind, Guid? accountId, string optionsJson, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Old ceremonies are useless after their lifetime; removing them here keeps the table small without a job.
        await db.WebAuthnCeremonies.Where(c => c.ExpiresAt < now.AddHours(-1)).ExecuteDeleteAsync(cancellationToken);
        var ceremony = new WebAuthnCeremony { Id = Guid.NewGuid(), Kind = kind, AccountId = accountId, OptionsJson = optionsJson, ExpiresAt = now + Lifetime };
        db.WebAuthnCeremonies.Add(ceremony);
        await db.SaveChangesAsync(cancellationToken);
        return ceremony.Id;
    }

    /// <summary>
    /// The options of an unused, unexpired ceremony of this kind (and account), marked used in the same
    /// statement so two answers racing for one challenge cannot both win. Null otherwise.
    /// </summary>
    public async Task<string?> TakeAsync(Guid id, CeremonyKind kind, Guid? accountId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var taken = await db.WebAuthnCeremonies
            .Where(c => c.Id == id && c.Kind == kind && c.AccountId == accountId && c.UsedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken);
        if (taken == 0)
        {
            return null;
        }

        return await db.WebAuthnCeremonies.AsNoTracking().Where(c => c.Id == id).Select(c => c.OptionsJson).FirstAsync(cancellationToken);
    }
}
