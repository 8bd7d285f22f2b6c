using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Nara.Consent.Tests;

public sealed class ConfigApiTests(ConsentFactory factory) : IClassFixture<ConsentFactory>
{
    private const string Config = "/govstack/consent/config";

    [Fact]
    public async Task An_administrator_creates_changes_and_deletes_a_policy_with_a_chained_revision_each_time()
    {
        var admin = await factory.OfficialAsync("MOHW", "administrator");
        var created = await admin.PostAsJsonAsync($"{Config}/policy/", new { name = "개인정보 보호법", url = "https://www.law.go.kr/pipa", jurisdiction = "KR", dataRetentionPeriodDays = 365 });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("policy").GetProperty("id").GetString();
        Assert.Equal("1", body.GetProperty("policy").GetProperty("version").GetString());
        Assert.Equal("", body.GetProperty("revision").GetProperty("predecessorHash").GetString());

        var updated = await admin.PutAsJsonAsync($"{Config}/policy/{id}/", new { name = "개인정보 보호법 (개정)", url = "https://www.law.go.kr/pipa", dataRetentionPeriodDays = 180 });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var revisions = await admin.GetFromJsonAsync<JsonElement>($"{Config}/policy/{id}/revisions/");
        var chain = revisions.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal(2, chain.Count);
        Assert.Equal(chain[0].GetProperty("serializedHash").GetString(), chain[1].GetProperty("predecessorHash").GetString());
        Assert.Equal("2", revisions.GetProperty("policy").GetProperty("version").GetString());

        var deleted = await admin.DeleteAsync(new Uri($"{Config}/policy/{id}/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"{Config}/policy/{id}/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_data_agreement_is_created_read_listed_and_versioned()
    {
        var admin = await factory.OfficialAsync("MOHW", "administrator");
        var id = await factory.CreateAgreementAsync(admin);

        var read = await admin.GetFromJsonAsync<JsonElement>($"{Config}/data-agreement/{id}/");
        var agreement = read.GetProperty("dataAgreement");
        Assert.Equal("MOHW", agreement.GetProperty("controller").GetProperty("id").GetString());
        Assert.Equal("consent", agreement.GetProperty("lawfulBasis").GetString());
        Assert.Equal(2, agreement.GetProperty("dataAttributes").GetArrayLength());
        Assert.True(agreement.GetProperty("forgettable").GetBoolean());

        var changed = await admin.PutAsJsonAsync($"{Config}/data-agreement/{id}/", ConsentFactory.Agreement(validityDays: 90));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("2", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dataAgreement").GetProperty("version").GetString());

        var list = await admin.GetFromJsonAsync<JsonElement>($"{Config}/data-agreements/?limit=100");
        Assert.Contains(list.GetProperty("dataAgreements").EnumerateArray(), a => a.GetProperty("id").GetString() == id);
    }

    [Theory]
    [InlineData("purpose")]
    [InlineData("lawfulBasis")]
    [InlineData("recipients")]
    [InlineData("dataAttributes")]
    [InlineData("purposeCode")]
    public async Task A_data_agreement_with_a_bad_field_is_refused_and_nothing_is_stored(string field)
    {
        var admin = await factory.OfficialAsync("MOHW", "administrator");
        var body = JsonSerializer.SerializeToNode(ConsentFactory.Agreement())!.AsObject();
        body[field] = field switch
        {
            "lawfulBasis" => "because",
            "purposeCode" => "Not A Code!",
            "recipients" => new System.Text.Json.Nodes.JsonArray(),
            "dataAttributes" => new System.Text.Json.Nodes.JsonArray(),
            _ => "",
        };
        var before = await factory.InDbAsync(db => db.DataAgreements.CountAsync());

        var response = await admin.PostAsJsonAsync($"{Config}/data-agreement/", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await factory.InDbAsync(db => db.DataAgreements.CountAsync()));
    }

    [Fact]
    public async Task Malformed_ids_and_bodies_are_a_bad_request()
    {
        var admin = await factory.OfficialAsync("MOHW", "administrator");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(new Uri($"{Config}/data-agreement/not-a-uuid/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(new Uri($"{Config}/policy/123/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(new Uri($"{Config}/data-agreements/?limit=0", UriKind.Relative))).StatusCode);
        using var broken = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync(new Uri($"{Config}/data-agreement/", UriKind.Relative), broken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"{Config}/data-agreement/{Guid.NewGuid()}/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_agency_administrator_manages_only_their_own_agencys_agreements()
    {
        var mohw = await factory.OfficialAsync("MOHW", "administrator");
        var molit = await factory.OfficialAsync("MOLIT", "administrator");
        var id = await factory.CreateAgreementAsync(mohw);

        Assert.Equal(HttpStatusCode.Forbidden, (await molit.PutAsJsonAsync($"{Config}/data-agreement/{id}/", ConsentFactory.Agreement(controller: "MOLIT"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await molit.DeleteAsync(new Uri($"{Config}/data-agreement/{id}/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await molit.PostAsJsonAsync($"{Config}/data-agreement/", ConsentFactory.Agreement(controller: "MOHW"))).StatusCode);

        var platform = await factory.OfficialAsync("MOIS", "administrator");
        Assert.Equal(HttpStatusCode.OK, (await platform.PutAsJsonAsync($"{Config}/data-agreement/{id}/", ConsentFactory.Agreement())).StatusCode);
    }

    [Fact]
    public async Task Only_administrators_reach_the_config_api()
    {
        var caseworker = await factory.OfficialAsync("MOHW", "caseworker");
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.GetAsync(new Uri($"{Config}/data-agreements/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(new Uri($"{Config}/data-agreements/", UriKind.Relative))).StatusCode);
        var (system, _) = await factory.AgencySystemAsync("MOHW", "consent:verify");
        Assert.Contains((await system.GetAsync(new Uri($"{Config}/data-agreements/", UriKind.Relative))).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
    }
}
