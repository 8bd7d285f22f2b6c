using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Registries.Contracts;
using Nara.Registries.Data;
using Nara.Testing;
using static Nara.Registries.Tests.Api.GovStackTestClient;

namespace Nara.Registries.Tests.Api;

public sealed class RecordLifecycleTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task A_created_record_can_be_read_back_and_its_change_is_in_the_outbox()
    {
        var (http, clientId, _) = await factory.ClientAsync(AllScopes);
        var person = await http.CreatePersonAsync();

        var created = await http.CreateAsync("health-insurance", new { residentId = person.ResidentId, status = "EmployeeInsured", since = "2024-03-01" });
        Assert.Equal("EmployeeInsured", (string?)created["status"]);

        var read = await ContentOf(await http.PostAsync("/health-insurance/1.0/read", new { query = new { content = new { residentId = person.ResidentId } } }));
        Assert.Equal("2024-03-01", (string?)read["since"]);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistriesDbContext>();
        var changed = await db.OutboxMessages.Where(m => m.Type == typeof(RegistryRecordChanged).FullName).Select(m => m.Payload).ToListAsync();
        Assert.Contains(changed, p => p.Contains("\"registry\":\"health-insurance\"", StringComparison.Ordinal)
            && p.Contains($"\"subjectResidentId\":\"{person.ResidentId}\"", StringComparison.Ordinal)
            && p.Contains($"\"actor\":\"{clientId}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Exists_answers_true_for_a_record_and_false_otherwise()
    {
        var (http, _, _) = await factory.ClientAsync(AllScopes);
        var person = await http.CreatePersonAsync();

        var yes = await (await http.PostAsync("/residents/1.0/exists", new { query = new { content = new { residentNumber = person.ResidentNumber } } })).Content.ReadFromJsonAsync<JsonObject>();
        var no = await (await http.PostAsync("/residents/1.0/exists", new { query = new { content = new { residentNumber = NewResidentNumber(1950) } } })).Content.ReadFromJsonAsync<JsonObject>();

        Assert.True((bool)yes!["answer"]!["status"]!);
        Assert.False((bool)no!["answer"]!["status"]!);
        Assert.Equal("Object not found from database", (string?)no["answer"]!["message"]);
    }

    [Fact]
    public async Task Reading_a_missing_record_answers_404_with_the_spec_detail()
    {
        var (http, _, _) = await factory.ClientAsync(AllScopes);
        var response = await http.PostAsync("/residents/1.0/read", new { query = new { content = new { residentNumber = NewResidentNumber(1951) } } });
        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("no record found", problem.Detail);
    }

    [Fact]
    public async Task Update_changes_the_one_matching_record()
    {
        var (http, _, _) = await factory.ClientAsync(AllScopes);
        var person = await http.CreatePersonAsync();

        var updated = await ContentOf(await http.PutAsync("/residents/1.0/update", new
        {
            query = new { content = new { id = person.ResidentId } },
            write = new { content = new { nameEn = "Renamed Person" } },
        }));

        Assert.Equal("Renamed Person", (string?)updated["nameEn"]);
        Assert.Equal(person.ResidentNumber, (string?)updated["residentNumber"]);
    }

    [Theory]
    [InlineData("update-entries")]
    [InlineData("updateEntries")]
    public async Task Update_entries_changes_every_matching_record_in_both_spellings(string path)
    {
        var (http, _, _) = await factory.ClientAsync(AllScopes);
        var person = await http.CreatePersonAsync();
        var second = await http.CreateAsync("residents", new
        {
            residentNumber = NewResidentNumber(2010), nameKo = "둘째", nameEn = "Second", birthDate = "2010-05-05", sex = "Male",
            nationality = "KOR", addressId = person.AddressId, householdId = person.HouseholdId, relationToHead = "Child", movedInOn = "2020-01-01",
        });

        var response = await http.PutAsync($"/residents/1.0/{path}", new
        {
            query = new { content = new { householdId = person.HouseholdId } },
            write = new { content = new { movedInOn = "2025-12-01" } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await (await http.GetDataAsync($"/residents/1.0?query.householdId={person.HouseholdId}")).Content.ReadFromJsonAsync<JsonObject>();
        var results = list!["results"]!.AsArray();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal("2025-12-01", (string?)r!["movedInOn"]));
        Assert.Contains(results, r => (long)r!["id"]! == (long)second["id"]!);
    }

    [Theory]
    [InlineData("update-or-create")]
    [InlineData("updateOrCreate")]
    public async Task Update_or_create_creates_when_nothing_matches_and_updates_when_one_does(string path)
    {
        var (http, _, _) = await factory.ClientAsync(AllScopes);
        var person = await http.CreatePersonAsync();
        object Body(string degree) => new
        {
            query = new { content = new { residentId = person.ResidentId } },
            write = new { content = new { degree, registeredOn = "2023-07-01" } },
        };

        var created = await ContentOf(await http.PostAsync($"/disabilities/1.0/{path}", Body("Mild")));
        var updated = await ContentOf(await http.PostAsync($"/disabilities/1.0/{path}", Body("Severe")));

        Assert.Equal(person.ResidentId, (long)created["residentId"]!);
        Assert.Equal("Mild", (string?)created["degree"]);
        Assert.Equal("Severe", (string?)updated["degree"]);
    }

    [Fact]
    public async Task Delete_answers_204_and_the_record_is_gone()
    {
        var (http, _, _) = await factory.ClientAsync(AllScopes);
        var person = await http.CreatePersonAsync();
        await http.CreateAsync("jobseekers", new { residentId = person.ResidentId, registeredOn = "2025-01-02" });

        var response = await http.DeleteAsync(new Uri($"{Base}/jobseekers/1.0/{person.ResidentId}/delete", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var exists = await (await http.PostAsync("/jobseekers/1.0/exists", new { query = new { content = new { residentId = person.ResidentId } } })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.False((bool)exists!["answer"]!["status"]!);
    }

    [Fact]
    public async Task Deleting_a_record_still_referenced_is_refused_with_409_and_nothing_changes()
    {
        var (http, _, _) = await factory.ClientAsync(AllScopes);
        var person = await http.CreatePersonAsync();
        var before = await factory.CountsAsync();

        var response = await http.DeleteAsync(new Uri($"{Base}/households/1.0/{person.HouseholdId}/delete", UriKind.Relative));

        await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(before, await factory.CountsAsync());
    }
}
