using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Events;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Audit.Tests;

/// <summary>Reads of resident data — by officials on pages, by agency systems over the API — reach the log.</summary>
public sealed class RegistryAccessAuditTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task An_official_opening_a_resident_record_is_logged_against_that_resident_with_the_purpose()
    {
        var resident = await ResidentAsync(DemoPersonas.ElderlyAlone);
        var client = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var response = await client.GetAsync(new Uri($"/officials/registries/residents/{resident}?purpose=case-42", UriKind.Relative));
        response.EnsureSuccessStatusCode();

        await factory.DrainOutboxAsync();

        var entries = await EntriesAboutAsync(resident);
        var entry = Assert.Single(entries, e => e.Action == "resident.view");
        Assert.Equal("official", entry.ActorKind);
        Assert.Equal("LG1111000000", entry.ActorAgency);
        Assert.Equal("case-42", entry.Purpose);
    }

    [Fact]
    public async Task An_agency_read_touching_several_residents_gives_one_entry_each_and_a_redelivery_adds_none()
    {
        var first = await ResidentAsync(DemoPersonas.YoungJobseeker);
        var second = await ResidentAsync(DemoPersonas.SingleParent);
        var read = new RegistryRecordsRead("residents", "list", [first, second, first], 2, "KR/GOV/NHIS/benefits", "NHIS", "NHIS benefits", "corr-1");
        var envelope = new IntegrationEventEnvelope<RegistryRecordsRead>(Guid.NewGuid(), factory.Clock.GetUtcNow(), read);
        for (var delivery = 0; delivery < 2; delivery++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IIntegrationEventHandler<RegistryRecordsRead>>().HandleAsync(envelope, CancellationToken.None);
        }

        foreach (var resident in new[] { first, second })
        {
            var entry = Assert.Single(await EntriesAboutAsync(resident), e => e.Action == "registry.residents.list");
            Assert.Equal("agency-client", entry.ActorKind);
            Assert.Equal("KR/GOV/NHIS/benefits", entry.ActorId);
        }
    }

    private async Task<string> ResidentAsync(DemoPersona persona)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<IResidentDirectory>().FindByResidentNumberAsync(persona.ResidentNumber, CancellationToken.None);
        return summary!.Id.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<List<Domain.AuditRecord>> EntriesAboutAsync(string resident)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AuditDbContext>();
        return await db.Entries.AsNoTracking().Where(e => e.SubjectType == "resident" && e.SubjectId == resident).ToListAsync();
    }
}
