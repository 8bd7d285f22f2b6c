using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Nara.Testing;
using static Nara.Registries.Tests.Api.GovStackTestClient;

namespace Nara.Registries.Tests.Api;

public sealed class PersonalDataUsageTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task A_read_by_an_agency_client_shows_up_in_the_persons_data_usage_in_both_spellings()
    {
        var (writer, _, _) = await factory.ClientAsync(AllScopes);
        var person = await writer.CreatePersonAsync();
        await writer.CreateAsync("health-insurance", new { residentId = person.ResidentId, status = "Dependent", since = "2022-02-02" });
        var (reader, readerId, _) = await factory.ClientAsync("registries:health-insurance:read");
        reader.DefaultRequestHeaders.Add("X-Road-Id", "msg-4711");
        await ContentOf(await reader.PostAsync("/health-insurance/1.0/read", new { query = new { content = new { residentId = person.ResidentId } } }));
        var (auditor, _, _) = await factory.ClientAsync("registries:personal-data-usage:read");

        var v1 = await auditor.GetFromJsonAsync<JsonArray>(new Uri($"{Base}/MyPersonalDataUsage/1.0?userID={person.ResidentNumber}&DatabaseID=health-insurance", UriKind.Relative));
        var v2 = await auditor.GetFromJsonAsync<JsonArray>(new Uri($"{Base}/mypersonalDataUsage?userId={person.ResidentNumber}&databaseId=health-insurance", UriKind.Relative));

        var entry = Assert.Single(v1!)!;
        Assert.Equal(readerId, (string?)entry["ReaderID"]);
        Assert.Equal("msg-4711", (string?)entry["Refrences"]![0]!["ReferenceID"]);
        Assert.Equal(readerId, (string?)Assert.Single(v2!)!["readerId"]);
    }

    [Fact]
    public async Task A_person_nobody_looked_at_has_an_empty_usage_list()
    {
        var (writer, _, _) = await factory.ClientAsync(AllScopes);
        var person = await writer.CreatePersonAsync();
        var (auditor, _, _) = await factory.ClientAsync("registries:personal-data-usage:read");
        var usage = await auditor.GetFromJsonAsync<JsonArray>(new Uri($"{Base}/mypersonalDataUsage?userId={person.ResidentNumber}&databaseId=passports", UriKind.Relative));
        Assert.Empty(usage!);
    }

    [Theory]
    [InlineData("userId=...&databaseId=residents", HttpStatusCode.BadRequest)]
    [InlineData("userId=900101-2000000&databaseId=residents", HttpStatusCode.BadRequest)]
    [InlineData("databaseId=residents", HttpStatusCode.BadRequest)]
    [InlineData("userId=900101-2000009&databaseId=...", HttpStatusCode.BadRequest)]
    [InlineData("userId=900101-2000009&databaseId=nothing", HttpStatusCode.NotFound)]
    public async Task Bad_usage_queries_are_refused(string query, HttpStatusCode status)
    {
        var (auditor, _, _) = await factory.ClientAsync("registries:personal-data-usage:read");
        await ProblemAsync(await auditor.GetAsync(new Uri($"{Base}/mypersonalDataUsage?{query}", UriKind.Relative)), status);
    }

    [Fact]
    public async Task Data_usage_needs_its_own_scope()
    {
        var (reader, _, _) = await factory.ClientAsync("registries:residents:read");
        await ProblemAsync(await reader.GetAsync(new Uri($"{Base}/mypersonalDataUsage?userId=900101-2000009&databaseId=residents", UriKind.Relative)), HttpStatusCode.Forbidden);
    }
}
