using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Nara.Testing;
using static Nara.Registries.Tests.Api.GovStackTestClient;

namespace Nara.Registries.Tests.Api;

public sealed class ListRecordsTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task Listing_pages_through_matching_records_with_next_and_previous_links()
    {
        var (http, _, _) = await factory.ClientAsync(AllScopes);
        var person = await http.CreatePersonAsync();
        for (var i = 0; i < 4; i++)
        {
            await http.CreateAsync("vehicles", new { plateNumber = $"{Random.Shared.Next(100, 999)}가{Random.Shared.Next(1000, 9999)}", ownerResidentId = person.ResidentId, model = $"Model {i}", firstRegisteredOn = "2020-01-01" });
        }

        var first = await (await http.GetDataAsync($"/vehicles/1.0?query.ownerResidentId={person.ResidentId}&page_size=3")).Content.ReadFromJsonAsync<JsonObject>();
        var second = await (await http.GetDataAsync($"/vehicles/1.0?query.ownerResidentId={person.ResidentId}&pageSize=3&page=2")).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(3, (int)first!["count"]!);
        Assert.Equal(3, first["results"]!.AsArray().Count);
        Assert.Contains("page=2", (string?)first["next"], StringComparison.Ordinal);
        Assert.Null(first["previous"]);
        Assert.Equal(1, (int)second!["count"]!);
        Assert.Null(second["next"]);
        Assert.Contains("page=1", (string?)second["previous"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_with_filter_finds_records_whose_field_contains_the_text()
    {
        var (http, _, _) = await factory.ClientAsync(AllScopes);
        var marker = "검색" + Guid.NewGuid().ToString("N")[..6];
        await http.CreatePersonAsync(nameKo: marker + "님");
        await http.CreatePersonAsync();

        var list = await (await http.GetDataAsync($"/residents/1.0?search={Uri.EscapeDataString(marker)}&filter=nameKo")).Content.ReadFromJsonAsync<JsonObject>();

        var result = Assert.Single(list!["results"]!.AsArray());
        Assert.Equal(marker + "님", (string?)result!["nameKo"]);
    }

    [Fact]
    public async Task Ordering_by_a_descending_field_sorts_the_page()
    {
        var (http, _, _) = await factory.ClientAsync(AllScopes);
        var person = await http.CreatePersonAsync();
        foreach (var model in new[] { "Avante", "Casper", "Bongo" })
        {
            await http.CreateAsync("vehicles", new { plateNumber = $"{Random.Shared.Next(100, 999)}나{Random.Shared.Next(1000, 9999)}", ownerResidentId = person.ResidentId, model, firstRegisteredOn = "2021-01-01" });
        }

        var list = await (await http.GetDataAsync($"/vehicles/1.0?query.ownerResidentId={person.ResidentId}&ordering=-model")).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(["Casper", "Bongo", "Avante"], list!["results"]!.AsArray().Select(r => (string)r!["model"]!));
    }

    [Fact]
    public async Task The_catalogue_lists_every_registry_with_its_owner_and_schema()
    {
        var (http, _, _) = await factory.ClientAsync("registries:residents:read");
        var catalogue = await http.GetFromJsonAsync<JsonObject>(new Uri("/govstack/registries/databases", UriKind.Relative));
        var databases = catalogue!["databases"]!.AsArray();
        Assert.Equal(15, databases.Count);
        var insurance = databases.Single(d => (string?)d!["name"] == "health-insurance")!;
        Assert.Equal("NHIS", (string?)insurance["institution"]);
        Assert.Equal("1.0", (string?)insurance["version"]);
        Assert.NotNull(insurance["schema"]!["properties"]!["residentId"]);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_registries_api()
    {
        var json = await factory.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Contains("/govstack/registries/data/{registry}/{version}", json, StringComparison.Ordinal);
        Assert.Contains("/govstack/registries/data/{registry}/{version}/updateOrCreate", json, StringComparison.Ordinal);
    }
}
