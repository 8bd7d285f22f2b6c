using Microsoft.EntityFrameworkCore;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Identity.Domain;
using Nara.Registries.Contracts;

namespace Nara.Identity.Features;

/// <summary><see cref="ICitizenAccounts"/> over the accounts table.</summary>
internal sealed class CitizenAccountLookup(IdentityDbContext db, IResidentDirectory residents, TimeProvider clock) : ICitizenAccounts
{
    public Task<CitizenAccount?> FindAsync(Guid accountId, CancellationToken cancellationToken) =>
        db.Accounts.AsNoTracking()
            .Where(a => a.Id == accountId && a.Kind == AccountKind.Citizen)
            .Select(a => new CitizenAccount(a.Id, a.ResidentId, a.DisabledAt != null))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<CitizenAccount?> EnsureForResidentAsync(long residentId, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.ResidentId == residentId, cancellationToken);
        if (account is null)
        {
            if (await residents.FindByIdAsync(residentId, cancellationToken) is not { } resident)
            {
                return null;
            }

            // The same account enrolment would create (CompleteEnrolment finds it by resident when the person enrols).
            account = new Account
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()), Kind = AccountKind.Citizen, ResidentId = residentId,
                DisplayName = resident.NameKo, CreatedAt = clock.GetUtcNow(),
            };
            db.Accounts.Add(account);
            await db.SaveChangesAsync(cancellationToken);
        }

        return account.Kind == AccountKind.Citizen ? new CitizenAccount(account.Id, account.ResidentId, account.DisabledAt is not null) : null;
    }
}
