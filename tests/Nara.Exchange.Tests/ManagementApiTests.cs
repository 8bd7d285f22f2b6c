using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Exchange.Tests;

public sealed class ManagementApiTests(ExchangeFactory factory) : IClassFixture<ExchangeFactory>
{
    [Fact]
    public async Task Officials_read_the_seeded_members_services_and_access_rights()
    {
        var official = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var members = await official.GetFromJsonAsync<JsonElement>("/api/exchange/members");
        Assert.Contains(members.EnumerateArray(), m => m.GetProperty("id").GetString() == "KR/GOV/NARA");
        var services = await official.GetFromJsonAsync<JsonElement>("/api/exchange/services");
        var registration = services.EnumerateArray().Single(s => s.GetProperty("id").GetString() == ExchangeFactory.ResidentRegistration);
        Assert.True(registration.GetProperty("consentRequired").GetBoolean());
        Assert.Contains(registration.GetProperty("accessRights").EnumerateArray(), r => r.GetProperty("client").GetString() == "KR/GOV/NARA/services");

        Assert.Equal(HttpStatusCode.Forbidden, (await official.PutAsJsonAsync("/api/exchange/members/GOV/XYZ", new { nameKo = "x", nameEn = "x" })).StatusCode);
    }

    [Theory]
    [InlineData("{\"nameKo\":\"시험\",\"nameEn\":\"Test\",\"provider\":\"teleport\",\"attributes\":[\"a\"],\"purposes\":[\"p\"]}", "provider")]
    [InlineData("{\"nameKo\":\"시험\",\"nameEn\":\"Test\",\"provider\":\"http\",\"attributes\":[\"a\"],\"purposes\":[\"p\"]}", "providerUrl")]
    [InlineData("{\"nameKo\":\"시험\",\"nameEn\":\"Test\",\"provider\":\"http\",\"providerUrl\":\"ftp://x\",\"attributes\":[\"a\"],\"purposes\":[\"p\"]}", "providerUrl")]
    [InlineData("{\"nameKo\":\"시험\",\"nameEn\":\"Test\",\"provider\":\"http\",\"providerUrl\":\"http://x\",\"timeoutMs\":60000,\"attributes\":[\"a\"],\"purposes\":[\"p\"]}", "timeoutMs")]
    [InlineData("{\"nameKo\":\"시험\",\"nameEn\":\"Test\",\"provider\":\"household\",\"attributes\":[\"annual-income\"],\"purposes\":[\"p\"]}", "attributes")]
    [InlineData("{\"nameKo\":\"시험\",\"nameEn\":\"Test\",\"provider\":\"household\",\"attributes\":[],\"purposes\":[\"p\"]}", "attributes")]
    [InlineData("{\"nameKo\":\"시험\",\"nameEn\":\"Test\",\"provider\":\"household\",\"attributes\":[\"household-head\"],\"purposes\":[\"Bad Purpose\"]}", "purposes")]
    [InlineData("{\"nameKo\":\"\",\"nameEn\":\"Test\",\"provider\":\"household\",\"attributes\":[\"household-head\"],\"purposes\":[\"p\"]}", "nameKo")]
    public async Task An_invalid_service_is_refused_with_the_offending_field_and_nothing_is_stored(string body, string field)
    {
        var admin = await factory.AdminAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await admin.PutAsync(new Uri("/api/exchange/services/GOV/MOIS/registries/bad-one", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var services = await admin.GetFromJsonAsync<JsonElement>("/api/exchange/services");
        Assert.DoesNotContain(services.EnumerateArray(), s => s.GetProperty("id").GetString() == "KR/GOV/MOIS/registries/bad-one");
    }

    [Fact]
    public async Task An_agency_administrator_manages_only_their_own_agencys_services()
    {
        var nhisAdmin = await factory.SignedInAsAsync(await factory.CreateOfficialAsync("NHIS", "administrator", "건보 관리자"));
        var own = await nhisAdmin.PutAsJsonAsync("/api/exchange/members/GOV/NHIS/subsystems/claims", new { nameKo = "청구", nameEn = "Claims" });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var foreign = await nhisAdmin.PostAsJsonAsync($"/api/exchange/services/{ExchangeFactory.Tail(ExchangeFactory.ResidentStatus)}/access-rights", new { client = "KR/GOV/NHIS/claims" });
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nhisAdmin.PutAsJsonAsync("/api/exchange/members/GOV/NHIS", new { nameKo = "x", nameEn = "x", agencyCode = "NHIS" })).StatusCode);
    }

    [Fact]
    public async Task A_revoked_access_right_refuses_the_next_request_and_granting_twice_is_a_conflict()
    {
        var admin = await factory.AdminAsync();
        var (http, client) = await factory.SystemAsync("KR/GOV/NHIS", [ExchangeFactory.ResidentStatus]);
        var tail = ExchangeFactory.Tail(ExchangeFactory.ResidentStatus);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/exchange/services/{tail}/access-rights", new { client })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/exchange/services/{tail}/access-rights", new { client = "KR/GOV/NOPE/x" })).StatusCode);

        var services = await admin.GetFromJsonAsync<JsonElement>("/api/exchange/services");
        var right = services.EnumerateArray().Single(s => s.GetProperty("id").GetString() == ExchangeFactory.ResidentStatus)
            .GetProperty("accessRights").EnumerateArray().Single(r => r.GetProperty("client").GetString() == client).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync(new Uri($"/api/exchange/services/{tail}/access-rights/{right}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(new Uri($"/api/exchange/services/{tail}/access-rights/{right}", UriKind.Relative))).StatusCode);

        using var request = ExchangeFactory.Request(ExchangeFactory.ResidentStatus, client, purpose: "case-processing", subject: DemoPersonas.ElderlyAlone);
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("access-denied", response.Headers.GetValues("X-Road-Error").Single());
    }

    [Fact]
    public async Task The_administration_pages_render_in_korean_and_english_and_grant_without_javascript()
    {
        var admin = await factory.AdminAsync();
        var page = await admin.GetStringAsync(new Uri("/officials/exchange", UriKind.Relative));
        Assert.Contains("정보 연계 관리", page, StringComparison.Ordinal);
        Assert.Contains("Data exchange administration", await admin.GetStringAsync(new Uri("/officials/exchange?culture=en", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("Register a service", await admin.GetStringAsync(new Uri("/officials/exchange/register?culture=en", UriKind.Relative)), StringComparison.Ordinal);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["service"] = ExchangeFactory.ResidentStatus,
            ["client"] = "KR/GOV/MOLIT/vehicles",
            ["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(page),
        });
        var posted = await admin.PostAsync(new Uri("/officials/exchange?handler=Grant", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var services = await admin.GetFromJsonAsync<JsonElement>("/api/exchange/services");
        Assert.Contains(services.EnumerateArray().Single(s => s.GetProperty("id").GetString() == ExchangeFactory.ResidentStatus).GetProperty("accessRights").EnumerateArray(),
            r => r.GetProperty("client").GetString() == "KR/GOV/MOLIT/vehicles");
    }
}
