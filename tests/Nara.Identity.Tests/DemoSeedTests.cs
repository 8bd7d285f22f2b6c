using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Data;
using Nara.Identity.Domain;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Identity.Tests;

public sealed class DemoSeedTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task Demo_agency_clients_are_seeded_and_their_keys_written_to_the_data_directory_work()
    {
        var path = Path.Combine(factory.Database.Directory, "demo-agency-keys.txt");
        var lines = (await File.ReadAllLinesAsync(path)).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();

        Assert.Equal(["KR/GOV/NHIS/benefits", "KR/GOV/MOLIT/vehicles", "KR/GOV/MOIS/registries"], lines.Select(l => l[0]));
        var nhis = factory.CreateClient();
        nhis.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", lines[0][2]);
        Assert.Equal(HttpStatusCode.OK, (await nhis.GetAsync(new Uri("/govstack/registries/data/health-insurance/1.0?page_size=1", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nhis.GetAsync(new Uri("/govstack/registries/data/vehicles/1.0", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_two_official_personas_have_accounts_with_their_agency_and_roles()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Accounts.AsNoTracking().ToListAsync();

        var district = accounts.Single(a => a.PersonaKey == DemoPersonas.DistrictOfficial.Key);
        var ministry = accounts.Single(a => a.PersonaKey == DemoPersonas.MinistryOfficial.Key);
        Assert.Equal((AccountKind.Official, "LG1111000000", "registry-viewer administrator"), (district.Kind, district.AgencyCode, district.Roles));
        Assert.Equal((AccountKind.Official, "MOIS", "registry-viewer auditor"), (ministry.Kind, ministry.AgencyCode, ministry.Roles));
    }

    [Fact]
    public async Task Official_accounts_are_linked_to_their_resident_record_when_the_registries_have_it()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IResidentDirectory>();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        foreach (var persona in new[] { DemoPersonas.DistrictOfficial, DemoPersonas.MinistryOfficial })
        {
            var resident = await directory.FindByResidentNumberAsync(persona.ResidentNumber, CancellationToken.None);
            var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.PersonaKey == persona.Key);
            Assert.Equal(resident?.Id, account.ResidentId);
        }
    }
}
