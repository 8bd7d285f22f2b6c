using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Modules;
using Nara.Registries;
using Nara.Registries.Data;
using Nara.Testing;

namespace Nara.Registries.Tests.Seeding;

/// <summary>Reads the seeded registries back through EF, the way the rest of the module sees them.</summary>
internal static class RegistryQueries
{
    public static async Task<T> QueryAsync<T>(this NaraFactory factory, Func<RegistriesDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RegistriesDbContext>());
    }

    public static Task ReseedAsync(this NaraFactory factory, int residents, int seed) =>
        new RegistriesModule().SeedAsync(factory.Services, new SeedRequest(residents, seed, OnlyIfEmpty: false), CancellationToken.None);

    /// <summary>SHA-256 over every row of every registry table, in key order.</summary>
    public static Task<string> HashAsync(this NaraFactory factory) => factory.QueryAsync(async db =>
    {
        var text = new StringBuilder();
        void Add<T>(IEnumerable<T> rows)
        {
            foreach (var row in rows)
            {
                text.AppendLine(System.Text.Json.JsonSerializer.Serialize(row));
            }
        }

        Add(await db.Divisions.AsNoTracking().OrderBy(x => x.Code).ToListAsync());
        Add(await db.Agencies.AsNoTracking().OrderBy(x => x.Code).ToListAsync());
        Add(await db.Addresses.AsNoTracking().OrderBy(x => x.Id).ToListAsync());
        Add(await db.Households.AsNoTracking().OrderBy(x => x.Id).ToListAsync());
        Add(await db.Residents.AsNoTracking().OrderBy(x => x.Id).ToListAsync());
        Add(await db.FamilyRelations.AsNoTracking().OrderBy(x => x.ResidentId).ThenBy(x => x.Kind).ThenBy(x => x.RelatedResidentId).ToListAsync());
        Add(await db.Incomes.AsNoTracking().OrderBy(x => x.HouseholdId).ToListAsync());
        Add(await db.Tenancies.AsNoTracking().OrderBy(x => x.HouseholdId).ToListAsync());
        Add(await db.HealthInsurance.AsNoTracking().OrderBy(x => x.ResidentId).ToListAsync());
        Add(await db.Disabilities.AsNoTracking().OrderBy(x => x.ResidentId).ToListAsync());
        Add(await db.Jobseekers.AsNoTracking().OrderBy(x => x.ResidentId).ToListAsync());
        Add(await db.DaycareEnrolments.AsNoTracking().OrderBy(x => x.ResidentId).ToListAsync());
        Add(await db.Vehicles.AsNoTracking().OrderBy(x => x.Id).ToListAsync());
        Add(await db.DriverLicences.AsNoTracking().OrderBy(x => x.ResidentId).ToListAsync());
        Add(await db.Passports.AsNoTracking().OrderBy(x => x.ResidentId).ToListAsync());
        Add(await db.Businesses.AsNoTracking().OrderBy(x => x.Id).ToListAsync());
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    });
}
