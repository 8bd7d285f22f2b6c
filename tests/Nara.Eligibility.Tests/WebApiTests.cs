using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nara.Eligibility.Tests;

/// <summary>
/// Contract tests of the OpenFisca-compatible Web API, on OpenFisca's documented examples (the
/// household of Alicia, Javier and Tom) adapted to the Nara vocabulary. Every call is anonymous.
/// </summary>
public sealed class WebApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Household = """
        {
          "persons": {
            "Alicia": { "birth": { "ETERNITY": "1955-01-01" }, "married": { "2025-06": true },
                        "basic_pension_eligible": { "2025-06": null }, "basic_pension": { "2025-06": null } },
            "Javier": { "birth": { "ETERNITY": "1953-05-05" }, "married": { "2025-06": true },
                        "basic_pension": { "2025-06": null } },
            "Tom":    { "birth": { "ETERNITY": "2024-12-01" }, "parental_benefit": { "2025-06": null }, "child_allowance": { "2025-06": null } }
          },
          "households": {
            "_": { "adults": ["Alicia", "Javier"], "children": ["Tom"],
                   "recognised_income": { "2025-06": 3000000 },
                   "household_size": { "2025-06": null }, "livelihood_benefit": { "2025-06": null } }
          }
        }
        """;

    // The platform's URL map puts the OpenFisca Web API here; an OpenFisca client is given this as its base URL.
    private const string Base = "/api/eligibility";

    private static async Task<(HttpResponseMessage Response, JsonNode Body)> PostAsync(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await client.PostAsync(new Uri(Base + path, UriKind.Relative), content);
        return (response, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private async Task<JsonNode> GetAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(Base + path, UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Calculate_fills_every_null_value_and_echoes_the_situation()
    {
        var (response, body) = await PostAsync(factory.CreateClient(), "/calculate", Household);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nara-demo-rules", response.Headers.GetValues("Country-Package").Single());
        Assert.True((bool)body["persons"]!["Alicia"]!["basic_pension_eligible"]!["2025-06"]!);
        Assert.Equal(342510, (long)body["persons"]!["Alicia"]!["basic_pension"]!["2025-06"]!);
        Assert.Equal(342510, (long)body["persons"]!["Javier"]!["basic_pension"]!["2025-06"]!);
        Assert.Equal(1000000, (long)body["persons"]!["Tom"]!["parental_benefit"]!["2025-06"]!);
        Assert.Equal(100000, (long)body["persons"]!["Tom"]!["child_allowance"]!["2025-06"]!);
        Assert.Equal(3, (long)body["households"]!["_"]!["household_size"]!["2025-06"]!);
        Assert.Equal(0, (long)body["households"]!["_"]!["livelihood_benefit"]!["2025-06"]!);
        Assert.Equal("1955-01-01", (string)body["persons"]!["Alicia"]!["birth"]!["ETERNITY"]!);
        Assert.Equal(["Alicia", "Javier"], body["households"]!["_"]!["adults"]!.AsArray().Select(a => (string)a!));
    }

    [Fact]
    public async Task Trace_gives_vectors_dependencies_parameters_and_explanations()
    {
        var (response, body) = await PostAsync(factory.CreateClient(), "/trace", Household);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Alicia", "Javier", "Tom"], body["entitiesDescription"]!["persons"]!.AsArray().Select(a => (string)a!));
        Assert.Contains("basic_pension<2025-06>", body["requestedCalculations"]!.AsArray().Select(a => (string)a!));
        var eligible = body["trace"]!["basic_pension_eligible<2025-06>"]!;
        Assert.Contains("age<2025-06>", eligible["dependencies"]!.AsArray().Select(d => (string)d!));
        Assert.Equal(3648000m, (decimal)eligible["parameters"]!["basic_pension.income_limit_couple<2025-06-01>"]!);
        Assert.Equal([true, true, false], eligible["value"]!.AsArray().Select(v => (bool)v!));
        var explanation = body["explanations"]!["persons/Alicia/basic_pension_eligible/2025-06"]!;
        Assert.Equal("eligible", (string)explanation["result"]!);
        Assert.Equal("income 3,000,000 is within the limit 3,648,000 (기초연금법 시행령, 2025)", (string)explanation["conditions"]![1]!["text"]!["en"]!);
    }

    [Fact]
    public async Task A_missing_input_gives_null_and_the_trace_names_it()
    {
        const string json = """{"persons": {"Ana": {"birth": {"ETERNITY": "1950-01-01"}, "basic_pension_eligible": {"2025-06": null}}}}""";

        var (_, calculated) = await PostAsync(factory.CreateClient(), "/calculate", json);
        var (_, traced) = await PostAsync(factory.CreateClient(), "/trace", json);

        Assert.Null(calculated["persons"]!["Ana"]!["basic_pension_eligible"]!["2025-06"]);
        var explanation = traced["explanations"]!["persons/Ana/basic_pension_eligible/2025-06"]!;
        Assert.Equal("unknown", (string)explanation["result"]!);
        Assert.Equal(["households/_Ana/recognised_income/2025-06"], explanation["missing"]!.AsArray().Select(m => (string)m!));
    }

    [Theory]
    [InlineData("""{"persons": {"Ana": {"salary": {"2025-06": 4000}}}}""", "persons/Ana/salary", "was not found")]
    [InlineData("""{"persons": {"Ana": {"married": {"2025-6": true}}}}""", "persons/Ana/married", "Expected a period")]
    [InlineData("""{"persons": {"Ana": {"married": {"2025-06-01": true}}}}""", "persons/Ana/married", "Expected a period")]
    [InlineData("""{"persons": {"Ana": {"married": {"2025-06": "yes"}}}}""", "persons/Ana/married/2025-06", "expected type boolean")]
    [InlineData("""{"persons": {"Ana": {}}, "households": {"h": {"adults": ["Ana"], "recognised_income": {"2025-06": "abc"}}}}""", "households/h/recognised_income/2025-06", "expected type integer")]
    [InlineData("""{"persons": {"Ana": {"recognised_income": {"2025-06": 1}}}}""", "persons/Ana/recognised_income", "is defined for 'households'")]
    [InlineData("""{"persons": {"Ana": {"basic_pension": {"2025": null}}}}""", "persons/Ana/basic_pension/2025", "whole month")]
    [InlineData("""{"persons": {"Ana": {}}, "households": {"h": {"adults": ["Bob"]}}}""", "households/h/adults/0", "not been declared in persons")]
    [InlineData("""{"people": {}}""", "people", "not an entity")]
    [InlineData("""{"persons": {"Ana": {"married": true}}}""", "persons/Ana/married", "expected object")]
    public async Task Bad_situations_are_refused_with_the_offending_path(string json, string path, string message)
    {
        var (response, body) = await PostAsync(factory.CreateClient(), "/calculate", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(path, (string)body["path"]!);
        JsonNode? node = body;
        foreach (var step in path.Split('/'))
        {
            node = node![step];
        }

        Assert.Contains(message, (string)node!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public async Task A_body_that_is_not_a_situation_is_refused(string json)
    {
        var (response, body) = await PostAsync(factory.CreateClient(), "/calculate", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("https://nara.go.kr/problems/bad-request", (string)body["type"]!);
    }

    [Fact]
    public async Task Variables_list_every_variable_with_a_link()
    {
        var body = await GetAsync("/variables");

        Assert.Equal("기초연금 (월)", (string)body["basic_pension"]!["description"]!);
        Assert.EndsWith("/variable/basic_pension", (string)body["basic_pension"]!["href"]!, StringComparison.Ordinal);
        Assert.NotNull(body["recognised_income"]);
    }

    [Fact]
    public async Task A_variable_is_described_as_openfisca_describes_it()
    {
        var body = await GetAsync("/variable/basic_pension_eligible");

        Assert.Equal("Boolean", (string)body["valueType"]!);
        Assert.Equal("MONTH", (string)body["definitionPeriod"]!);
        Assert.Equal("person", (string)body["entity"]!);
        Assert.False((bool)body["defaultValue"]!);
        Assert.Equal("https://www.law.go.kr/법령/기초연금법", (string)body["references"]![0]!);
        Assert.NotNull(body["formulas"]!["2014-07-01"]!["content"]);
        Assert.Equal("ETERNITY", (string)(await GetAsync("/variable/birth"))["definitionPeriod"]!);
        await GetAsync("/variable/salary", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Parameters_give_dated_values_and_their_reference()
    {
        var list = await GetAsync("/parameters");
        Assert.EndsWith("/parameter/basic_pension/income_limit_single", (string)list["basic_pension.income_limit_single"]!["href"]!, StringComparison.Ordinal);

        var parameter = await GetAsync("/parameter/basic_pension/income_limit_single");
        Assert.Equal("basic_pension.income_limit_single", (string)parameter["id"]!);
        Assert.Equal(2280000m, (decimal)parameter["values"]!["2025-01-01"]!);
        Assert.Equal("기초연금법 시행령", (string)parameter["metadata"]!["reference"]!["title"]!);
        Assert.Equal(8064805m, (decimal)(await GetAsync("/parameter/standard_median_income.household_size_6"))["values"]!["2025-01-01"]!);
        Assert.NotNull((await GetAsync("/parameter/basic_pension"))["subparams"]!["amount"]);
        await GetAsync("/parameter/basic_pension/nothing", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Entities_are_person_and_household_with_adults_and_children()
    {
        var body = await GetAsync("/entities");

        Assert.Equal("persons", (string)body["person"]!["plural"]!);
        Assert.Equal("households", (string)body["household"]!["plural"]!);
        Assert.Equal("adults", (string)body["household"]!["roles"]!["adult"]!["plural"]!);
        Assert.Equal("children", (string)body["household"]!["roles"]!["child"]!["plural"]!);
    }

    [Fact]
    public async Task The_spec_is_an_openapi_document_of_these_routes()
    {
        var body = await GetAsync("/spec");

        Assert.Equal("3.0.0", (string)body["openapi"]!);
        Assert.NotNull(body["paths"]!["/calculate"]!["post"]);
        Assert.EndsWith("/api/eligibility", (string)body["servers"]![0]!["url"]!, StringComparison.Ordinal);
        Assert.Contains("energy_voucher_eligible", body["components"]!["schemas"]!["VariableNames"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(JsonValueKind.Object, JsonSerializer.Deserialize<JsonElement>(body.ToJsonString()).ValueKind);
    }
}
