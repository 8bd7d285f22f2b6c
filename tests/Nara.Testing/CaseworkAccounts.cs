using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Data;
using Nara.Identity.Domain;
using Nara.Registries.Data;

namespace Nara.Testing;

/// <summary>Accounts for case-work tests: a citizen linked to a resident record, and officials with given roles at an agency.</summary>
public static class CaseworkAccounts
{
    /// <summary>The citizen account linked to the resident with this number (e.g. a demo persona's), created if missing, so prefill has a record to read.</summary>
    public static async Task<Guid> CreateCitizenForResidentAsync(this NaraFactory factory, string residentNumber, string displayName)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var scope = factory.Services.CreateScope();
        var residents = scope.ServiceProvider.GetRequiredService<RegistriesDbContext>();
        var residentId = await residents.Residents.Where(r => r.ResidentNumber == residentNumber).Select(r => (long?)r.Id).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException($"No resident {residentNumber} was seeded.");
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        // One account per resident: a second call (another test in the class) signs in to the same one.
        if (await db.Accounts.Where(a => a.ResidentId == residentId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync() is { } existing)
        {
            return existing;
        }

        var account = new Account
        {
            Id = Guid.NewGuid(), Kind = AccountKind.Citizen, DisplayName = displayName, ResidentId = residentId,
            PersonaKey = $"test-citizen-{Guid.NewGuid():N}", CreatedAt = factory.Clock.GetUtcNow(),
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>A new official of <paramref name="agency"/> with the space-separated <paramref name="roles"/>.</summary>
    public static async Task<Guid> CreateOfficialAsync(this NaraFactory factory, string agency, string roles, string displayName)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var account = new Account
        {
            Id = Guid.NewGuid(), Kind = AccountKind.Official, DisplayName = displayName, AgencyCode = agency, Roles = roles,
            PersonaKey = $"test-official-{Guid.NewGuid():N}", CreatedAt = factory.Clock.GetUtcNow(),
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }
}
