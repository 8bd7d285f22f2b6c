using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nara.Services.Tests;

public sealed class CatalogueApiTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static Uri U(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task The_catalogue_api_lists_services_with_both_languages()
    {
        var json = await factory.CreateClient().GetFromJsonAsync<JsonElement>(U("/api/services"));

        Assert.True(json.GetProperty("count").GetInt32() >= 56);
        var pension = json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("slug").GetString() == "basic-pension");
        Assert.Equal("기초연금", pension.GetProperty("name").GetProperty("ko").GetString());
        Assert.Equal("Basic Pension", pension.GetProperty("name").GetProperty("en").GetString());
        Assert.Equal("MOHW", pension.GetProperty("agency").GetString());
        Assert.True(pension.GetProperty("appliesOnline").GetBoolean());
        Assert.Equal("/services/basic-pension", pension.GetProperty("url").GetString());
    }

    [Fact]
    public async Task The_catalogue_api_searches()
    {
        var json = await factory.CreateClient().GetFromJsonAsync<JsonElement>(U("/api/services?q=%EA%B8%B0%EC%B4%88%EC%97%B0%EA%B5%BC"));

        Assert.Equal("basic-pension", json.GetProperty("items")[0].GetProperty("slug").GetString());
    }

    [Fact]
    public async Task One_service_comes_with_its_form_and_documents()
    {
        var json = await factory.CreateClient().GetFromJsonAsync<JsonElement>(U("/api/services/move-in-report"));

        Assert.Equal("move-in-report", json.GetProperty("slug").GetString());
        Assert.True(json.GetProperty("documents")[0].GetProperty("governmentFetches").GetBoolean());
        Assert.NotEmpty(json.GetProperty("form").GetProperty("steps").EnumerateArray());
        Assert.False(json.GetProperty("name").TryGetProperty("current", out _));
    }

    [Fact]
    public async Task An_unknown_service_is_a_404_problem()
    {
        var response = await factory.CreateClient().GetAsync(U("/api/services/nope"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_client_that_has_the_current_version_gets_304_without_a_body()
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync(U("/api/services/passport-issuance"));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("public", first.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, U("/api/services/passport-issuance"));
        again.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, U("/api/services/passport-issuance"));
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task GovStack_lists_services_in_its_shape()
    {
        var json = await factory.CreateClient().GetFromJsonAsync<JsonElement>(U("/govstack/registration/services?name=pension"));

        var items = json.EnumerateArray().ToList();
        Assert.Contains(items, s => s.GetProperty("serviceKey").GetString() == "basic-pension");
        Assert.All(items, s =>
        {
            Assert.Equal(s.GetProperty("id").GetString(), s.GetProperty("serviceKey").GetString());
            Assert.Equal("Public", s.GetProperty("type").GetString());
            Assert.Equal("1", s.GetProperty("version").GetString());
            Assert.Contains(s.GetProperty("isExecutable").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
            Assert.Equal(JsonValueKind.Array, s.GetProperty("serviceBody").ValueKind);
        });
    }

    [Fact]
    public async Task GovStack_service_names_follow_the_requested_language()
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, U("/govstack/registration/services/basic-pension"));
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var en = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        var ko = await client.GetFromJsonAsync<JsonElement>(U("/govstack/registration/services/basic-pension"));

        Assert.Equal("Basic Pension", en.GetProperty("name").GetString());
        Assert.Equal("기초연금", ko.GetProperty("name").GetString());
    }

    [Fact]
    public async Task GovStack_eForms_describe_the_form_as_json_schema_with_prefilled_fields_read_only()
    {
        var client = factory.CreateClient();
        var list = await client.GetFromJsonAsync<JsonElement>(U("/govstack/registration/services/youth-rent-support/eForms"));
        var item = Assert.Single(list.EnumerateArray());
        var id = item.GetProperty("eFormId").GetString();
        Assert.True(item.GetProperty("latest").GetBoolean());

        var form = await client.GetFromJsonAsync<JsonElement>(U($"/govstack/registration/eForms/{id}"));
        var schema = form.GetProperty("schema");
        Assert.Equal("object", schema.GetProperty("type").GetString());
        var name = schema.GetProperty("properties").GetProperty("applicantName");
        Assert.True(name.GetProperty("readOnly").GetBoolean());
        Assert.Equal("resident.name", name.GetProperty("x-nara-prefill").GetString());
        Assert.Equal("integer", schema.GetProperty("properties").GetProperty("monthlyRent").GetProperty("type").GetString());
        Assert.Contains(schema.GetProperty("required").EnumerateArray(), r => r.GetString() == "monthlyRent");
    }

    [Fact]
    public async Task GovStack_has_no_eForms_for_an_information_service_and_404s_unknown_ids()
    {
        var client = factory.CreateClient();

        var none = await client.GetFromJsonAsync<JsonElement>(U("/govstack/registration/services/bid-notices/eForms"));
        Assert.Equal(0, none.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(U("/govstack/registration/services/nope"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(U("/govstack/registration/eForms/bid-notices"))).StatusCode);
    }
}
