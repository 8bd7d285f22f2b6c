using Microsoft.EntityFrameworkCore;
using Nara.Identity.Data;
using Nara.Identity.Domain;
using Nara.Kernel.Security;
using Nara.Registries.Contracts;

namespace Nara.Identity.Features.Seeding;

/// <summary>Accounts for the two official personas, linked to their resident record when it exists.</summary>
internal sealed class SeedOfficialAccounts(IdentityDbContext db, IResidentDirectory residents, TimeProvider clock)
{
    private static readonly (DemoPersona Persona, string Agency, string Roles)[] Officials =
    [
        (DemoPersonas.DistrictOfficial, "LG1111000000", $"{NaraRoles.RegistryViewer} {NaraRoles.Administrator}"),
        (DemoPersonas.MinistryOfficial, "MOIS", $"{NaraRoles.RegistryViewer} {NaraRoles.Auditor}"),
    ];

    public async Task ExecuteAsync(bool onlyIfEmpty, CancellationToken cancellationToken)
    {
        if (onlyIfEmpty && await db.Accounts.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var (persona, agency, roles) in Officials)
        {
            // The registries may have been seeded without personas; the link is then made on a later seed.
            var resident = await residents.FindByResidentNumberAsync(persona.ResidentNumber, cancellationToken);
            var account = await db.Accounts.FirstOrDefaultAsync(a => a.PersonaKey == persona.Key, cancellationToken);
            if (account is null)
            {
                account = new Account
                {
                    Id = Guid.CreateVersion7(clock.GetUtcNow()), DisplayName = persona.NameKo, CreatedAt = clock.GetUtcNow(),
                    UserHandle = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32),
                };
                db.Accounts.Add(account);
            }

            account.Kind = AccountKind.Official;
            account.DisplayName = persona.NameKo;
            account.PersonaKey = persona.Key;
            account.AgencyCode = agency;
            account.Roles = roles;
            account.ResidentId = resident?.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
