using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Registries.Data;
using Nara.Testing;

namespace Nara.Registries.Tests.Pages;

public sealed class RegistryBrowserTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    private static Uri U(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(U("/officials/registries/residents"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_official_without_the_registry_role_gets_the_access_denied_page()
    {
        var client = await factory.SignedInClientAsync(OfficialAccounts.NoRoleOfficial);
        var response = await client.GetAsync(U("/officials/registries"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var denied = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("권한이 없습니다", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registry_index_lists_registries_with_owners()
    {
        var client = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var html = await client.GetStringAsync(U("/officials/registries?culture=en"));
        Assert.Contains("Resident registration", html, StringComparison.Ordinal);
        Assert.Contains("Ministry of the Interior and Safety", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_by_name_lists_masked_numbers_twenty_a_page()
    {
        var residents = await TestRegistry.AddAsync(factory);
        var client = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);

        var first = await client.GetStringAsync(U("/officials/registries/residents?q=" + Uri.EscapeDataString(TestRegistry.NamePrefix)));
        Assert.Contains("25명을 찾았습니다", first, StringComparison.Ordinal);
        Assert.Contains("800101-1******", first, StringComparison.Ordinal);
        Assert.DoesNotContain(residents[0].ResidentNumber, first, StringComparison.Ordinal);
        Assert.Contains("시험20", first, StringComparison.Ordinal);
        Assert.DoesNotContain("시험21", first, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\"", first, StringComparison.Ordinal);

        var second = await client.GetStringAsync(U("/officials/registries/residents?q=" + Uri.EscapeDataString(TestRegistry.NamePrefix) + "&page=2"));
        Assert.Contains("시험25", second, StringComparison.Ordinal);
        Assert.DoesNotContain("시험20<", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_by_resident_number_and_area_finds_the_one_resident()
    {
        var residents = await TestRegistry.AddAsync(factory);
        var client = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var html = await client.GetStringAsync(U($"/officials/registries/residents?q={residents[4].ResidentNumber.Replace("-", "", StringComparison.Ordinal)}&division=1111000000"));
        Assert.Contains("1명을 찾았습니다", html, StringComparison.Ordinal);
        Assert.Contains(residents[4].NameKo, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/officials/registries/residents?q=a&page=abc")]
    [InlineData("/officials/registries/residents?q=a&page=0")]
    [InlineData("/officials/registries/residents?division=nowhere")]
    [InlineData("/officials/registries/divisions?page=-1")]
    public async Task Bad_paging_or_filters_answer_a_plain_400_page(string path)
    {
        var client = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var response = await client.GetAsync(U(path));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("요청을 처리할 수 없습니다", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/officials/registries/residents/999999999")]
    [InlineData("/officials/registries/residents/abc")]
    [InlineData("/officials/registries/households/999999999")]
    [InlineData("/officials/registries/divisions/0000000000")]
    public async Task Unknown_records_answer_a_plain_404_page(string path)
    {
        var client = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var response = await client.GetAsync(U(path));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("페이지를 찾을 수 없습니다", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_resident_shows_the_full_number_and_publishes_a_view_event()
    {
        var residents = await TestRegistry.AddAsync(factory);
        var client = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var html = await client.GetStringAsync(U($"/officials/registries/residents/{residents[2].Id}?purpose=test"));
        Assert.Contains(residents[2].ResidentNumber, html, StringComparison.Ordinal);
        Assert.Contains("세대원", html, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistriesDbContext>();
        var events = await db.OutboxMessages.AsNoTracking().Where(m => m.Type.Contains("ResidentRecordViewed")).ToListAsync();
        Assert.Contains(events, m => m.Payload.Contains($"\"residentId\":{residents[2].Id}", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Divisions_are_browsable_down_to_the_households_of_a_neighbourhood()
    {
        await TestRegistry.AddAsync(factory);
        var client = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        Assert.Contains("/officials/registries/divisions/1100000000", await client.GetStringAsync(U("/officials/registries/divisions")), StringComparison.Ordinal);
        Assert.Contains("/officials/registries/divisions/" + TestRegistry.Neighbourhood, await client.GetStringAsync(U("/officials/registries/divisions/1111000000")), StringComparison.Ordinal);
        var neighbourhood = await client.GetStringAsync(U("/officials/registries/divisions/" + TestRegistry.Neighbourhood));
        Assert.Contains("/officials/registries/households/", neighbourhood, StringComparison.Ordinal);
    }
}
