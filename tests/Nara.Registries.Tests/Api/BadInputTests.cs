using System.Net;
using System.Text;
using Nara.Testing;
using static Nara.Registries.Tests.Api.GovStackTestClient;

namespace Nara.Registries.Tests.Api;

/// <summary>Every bad request answers problem details and leaves the registries and the outbox untouched.</summary>
public sealed class BadInputTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    private async Task AssertRefusedAsync(Func<HttpClient, Task<HttpResponseMessage>> send, HttpStatusCode status, string? detailContains = null)
    {
        var (http, _, _) = await factory.ClientAsync(AllScopes);
        var before = await factory.CountsAsync();
        var problem = await ProblemAsync(await send(http), status);
        if (detailContains is not null)
        {
            Assert.Contains(detailContains, problem.Detail + string.Join(' ', problem.Extensions.Select(e => e.Value?.ToString())), StringComparison.Ordinal);
        }

        Assert.Equal(before, await factory.CountsAsync());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1:2")]
    [InlineData("99999999999999999999")]
    public Task A_malformed_record_id_is_a_400(string id) =>
        AssertRefusedAsync(h => h.DeleteAsync(new Uri($"{Base}/residents/1.0/{id}/delete", UriKind.Relative)), HttpStatusCode.BadRequest);

    [Fact]
    public Task An_unknown_record_id_is_a_404() =>
        AssertRefusedAsync(h => h.DeleteAsync(new Uri($"{Base}/residents/1.0/999999999/delete", UriKind.Relative)), HttpStatusCode.NotFound);

    [Fact]
    public Task An_unknown_registry_is_a_404() =>
        AssertRefusedAsync(h => h.GetDataAsync("/no-such-registry/1.0"), HttpStatusCode.NotFound, "no-such-registry");

    [Fact]
    public Task A_malformed_registry_name_is_a_400() =>
        AssertRefusedAsync(h => h.GetDataAsync("/..%2E/1.0"), HttpStatusCode.BadRequest);

    [Fact]
    public Task An_unknown_version_is_a_404() =>
        AssertRefusedAsync(h => h.PostAsync("/residents/9.9/create", new { write = new { content = new { nameKo = "x" } } }), HttpStatusCode.NotFound, "9.9");

    [Theory]
    [InlineData("page=0")]
    [InlineData("page=-1")]
    [InlineData("page_size=0")]
    [InlineData("page_size=1001")]
    [InlineData("pageSize=-1")]
    [InlineData("page=abc")]
    [InlineData("page_size=abc")]
    public Task Bad_paging_is_a_400(string query) =>
        AssertRefusedAsync(h => h.GetDataAsync($"/residents/1.0?{query}"), HttpStatusCode.BadRequest);

    [Theory]
    [InlineData("query.noSuchField=1", "noSuchField")]
    [InlineData("filter=noSuchField&search=x", "noSuchField")]
    [InlineData("ordering=-noSuchField", "noSuchField")]
    [InlineData("query.birthDate=yesterday", "birthDate")]
    public Task An_unknown_field_or_bad_value_in_a_list_query_is_a_400_naming_it(string query, string field) =>
        AssertRefusedAsync(h => h.GetDataAsync($"/residents/1.0?{query}"), HttpStatusCode.BadRequest, field);

    [Theory]
    [InlineData("{\"write\":{\"content\":")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"write\":{\"content\":[1]}}")]
    [InlineData("{\"write\":{}}")]
    public Task A_malformed_body_is_a_400(string body) =>
        AssertRefusedAsync(h => h.PostAsync(new Uri($"{Base}/residents/1.0/create", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

    [Fact]
    public Task Writing_an_unknown_field_is_a_400_naming_it() =>
        AssertRefusedAsync(h => h.PostAsync("/jobseekers/1.0/create", new { write = new { content = new { residentId = 1, registeredOn = "2025-01-01", favouriteColour = "blue" } } }), HttpStatusCode.BadRequest, "favouriteColour");

    [Theory]
    [InlineData("900101-2000000")]
    [InlineData("901301-2000005")]
    [InlineData("9001012000000")]
    public async Task A_resident_number_with_a_wrong_check_digit_or_shape_is_a_400(string number)
    {
        var (http, _, _) = await factory.ClientAsync(AllScopes);
        var person = await http.CreatePersonAsync();
        await AssertRefusedAsync(
            h => h.PostAsync("/residents/1.0/create", new
            {
                write = new
                {
                    content = new
                    {
                        residentNumber = number, nameKo = "오류", nameEn = "Error", birthDate = "1990-01-01", sex = "Female", nationality = "KOR",
                        addressId = person.AddressId, householdId = person.HouseholdId, relationToHead = "Spouse", movedInOn = "2020-01-01",
                    },
                },
            }),
            HttpStatusCode.BadRequest,
            "residentNumber");
    }

    [Theory]
    [InlineData("{\"residentId\":1,\"status\":\"Rich\",\"since\":\"2024-01-01\"}", "status")]
    [InlineData("{\"residentId\":1,\"status\":\"1\",\"since\":\"2024-01-01\"}", "status")]
    [InlineData("{\"residentId\":1,\"status\":\"Dependent\",\"since\":\"01/02/2024\"}", "since")]
    [InlineData("{\"residentId\":\"one\",\"status\":\"Dependent\",\"since\":\"2024-01-01\"}", "residentId")]
    [InlineData("{\"residentId\":1,\"status\":\"Dependent\"}", "since")]
    public Task Badly_typed_values_are_a_400_naming_the_field(string content, string field) =>
        AssertRefusedAsync(h => h.PostAsync(new Uri($"{Base}/health-insurance/1.0/create", UriKind.Relative), new StringContent($"{{\"write\":{{\"content\":{content}}}}}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, field);

    [Fact]
    public Task A_reference_to_a_record_that_does_not_exist_is_a_400_naming_the_field() =>
        AssertRefusedAsync(h => h.PostAsync("/vehicles/1.0/create", new { write = new { content = new { plateNumber = "999허9999", ownerResidentId = 987_654_321, model = "Ghost", firstRegisteredOn = "2020-01-01" } } }), HttpStatusCode.BadRequest, "ownerResidentId");

    [Fact]
    public Task A_client_cannot_choose_an_id_the_registry_assigns() =>
        AssertRefusedAsync(h => h.PostAsync("/households/1.0/create", new { write = new { content = new { id = 5, addressId = 1, headResidentId = 1, memberCount = 1, singleParent = false } } }), HttpStatusCode.BadRequest, "id");

    [Fact]
    public async Task Creating_a_second_record_with_the_same_key_is_a_409()
    {
        var (http, _, _) = await factory.ClientAsync(AllScopes);
        var person = await http.CreatePersonAsync();
        await AssertRefusedAsync(h => h.PostAsync("/residents/1.0/create", new
        {
            write = new
            {
                content = new
                {
                    residentNumber = person.ResidentNumber, nameKo = "쌍둥이", nameEn = "Twin", birthDate = "1990-01-01", sex = "Female", nationality = "KOR",
                    addressId = person.AddressId, householdId = person.HouseholdId, relationToHead = "Spouse", movedInOn = "2020-01-01",
                },
            },
        }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Changing_a_key_in_an_update_is_a_400_and_the_record_is_unchanged()
    {
        var (http, _, _) = await factory.ClientAsync(AllScopes);
        var person = await http.CreatePersonAsync();
        await AssertRefusedAsync(
            h => h.PutAsync("/residents/1.0/update", new { query = new { content = new { id = person.ResidentId } }, write = new { content = new { id = person.ResidentId + 1, nameEn = "Changed" } } }),
            HttpStatusCode.BadRequest,
            "id");
        var read = await ContentOf(await http.PostAsync("/residents/1.0/read", new { query = new { content = new { id = person.ResidentId } } }));
        Assert.Equal("Test Person", (string?)read["nameEn"]);
    }

    [Fact]
    public Task Updating_with_an_empty_query_is_a_400() =>
        AssertRefusedAsync(h => h.PutAsync("/residents/1.0/update-entries", new { query = new { content = new { } }, write = new { content = new { nameEn = "Everyone" } } }), HttpStatusCode.BadRequest);

    [Fact]
    public Task Updating_a_record_that_does_not_exist_is_a_404() =>
        AssertRefusedAsync(h => h.PutAsync("/residents/1.0/update", new { query = new { content = new { id = 987_654_321 } }, write = new { content = new { nameEn = "Nobody" } } }), HttpStatusCode.NotFound);
}
