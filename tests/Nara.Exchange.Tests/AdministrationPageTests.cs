using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Exchange.Tests;

/// <summary>The administrators' pages post their forms (no JavaScript); what they change is read back through the management API.</summary>
public sealed class AdministrationPageTests(ExchangeFactory factory) : IClassFixture<ExchangeFactory>
{
    private const string Index = "/officials/exchange";
    private const string Register = "/officials/exchange/register";

    [Fact]
    public async Task An_administrator_registers_a_member_a_subsystem_and_a_service_through_the_register_page()
    {
        var admin = await factory.AdminAsync();
        var code = $"PG{Guid.NewGuid():N}"[..10].ToUpperInvariant();
        var member = await PostAsync(admin, Register, "Member", new() { ["memberClass"] = "COM", ["code"] = code, ["nameKo"] = "페이지 회사", ["nameEn"] = "Page Ltd", ["agencyCode"] = "" });
        AssertSaved(member);
        AssertSaved(await PostAsync(admin, Register, "Subsystem", new() { ["member"] = $"KR/COM/{code}", ["code"] = "claims", ["nameKo"] = "청구", ["nameEn"] = "Claims" }));
        AssertSaved(await PostAsync(admin, Register, "Service", new()
        {
            ["subsystem"] = $"KR/COM/{code}/claims", ["code"] = "policies", ["nameKo"] = "보험 계약", ["nameEn"] = "Policies", ["provider"] = "http",
            ["providerUrl"] = "https://api.example.com/policies", ["timeoutMs"] = "1500", ["attributes"] = "policy-number, insured", ["purposes"] = "claim-check",
            ["dataAgreementId"] = "",
        }));

        var members = await admin.GetFromJsonAsync<JsonElement>("/api/exchange/members");
        var saved = members.EnumerateArray().Single(m => m.GetProperty("id").GetString() == $"KR/COM/{code}");
        Assert.Equal(("Page Ltd", JsonValueKind.Null), (saved.GetProperty("nameEn").GetString(), saved.GetProperty("agencyCode").ValueKind));
        Assert.Equal($"KR/COM/{code}/claims", saved.GetProperty("subsystems").EnumerateArray().Single().GetProperty("id").GetString());
        var service = await ServiceAsync(admin, $"KR/COM/{code}/claims/policies");
        Assert.Equal(("http", "https://api.example.com/policies", 1500, true), (service.GetProperty("provider").GetString(), service.GetProperty("providerUrl").GetString(),
            service.GetProperty("timeoutMs").GetInt32(), service.GetProperty("enabled").GetBoolean()));
        Assert.Equal(["policy-number", "insured"], service.GetProperty("attributes").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["claim-check"], service.GetProperty("purposes").EnumerateArray().Select(a => a.GetString()));
        Assert.False(service.GetProperty("consentRequired").GetBoolean());
    }

    [Fact]
    public async Task An_administrator_switches_a_service_off_and_on_and_revokes_an_access_right_from_the_index_page()
    {
        var admin = await factory.AdminAsync();
        var (http, client) = await factory.SystemAsync("KR/GOV/MOIS", []);
        var service = await RefusalTests.NewHttpServiceAsync(admin, client, "http://127.0.0.1:9/", 500);

        AssertDone(await PostAsync(admin, Index, "Toggle", new() { ["service"] = service, ["enabled"] = "false" }), "disabled");
        Assert.False((await ServiceAsync(admin, service)).GetProperty("enabled").GetBoolean());
        using (var off = ExchangeFactory.Request(service, client, purpose: "case-processing"))
        {
            Assert.Equal("service-disabled", (await http.SendAsync(off)).Headers.GetValues("X-Road-Error").Single());
        }

        AssertDone(await PostAsync(admin, Index, "Toggle", new() { ["service"] = service, ["enabled"] = "true" }), "enabled");
        Assert.True((await ServiceAsync(admin, service)).GetProperty("enabled").GetBoolean());

        var right = (await ServiceAsync(admin, service)).GetProperty("accessRights").EnumerateArray().Single(r => r.GetProperty("client").GetString() == client).GetProperty("id").GetString()!;
        AssertDone(await PostAsync(admin, Index, "Revoke", new() { ["service"] = service, ["right"] = right }), "revoked");
        Assert.DoesNotContain((await ServiceAsync(admin, service)).GetProperty("accessRights").EnumerateArray(), r => r.GetProperty("client").GetString() == client);
        using var revoked = ExchangeFactory.Request(service, client, purpose: "case-processing");
        Assert.Equal("access-denied", (await http.SendAsync(revoked)).Headers.GetValues("X-Road-Error").Single());
    }

    [Theory]
    [InlineData("attributes", "Bad Attribute!", "Check your input: List 1 to 50 attribute names")]
    [InlineData("providerUrl", "ftp://files.example.com", "Check your input: An HTTP provider needs the absolute http(s) address")]
    [InlineData("dataAgreementId", "not-a-uuid", "The data agreement id must be a UUID.")]
    public async Task A_service_with_bad_input_shows_a_plain_message_and_nothing_is_stored(string field, string value, string message)
    {
        var admin = await factory.AdminAsync();
        var code = $"bad{Guid.NewGuid():N}"[..10];
        var form = new Dictionary<string, string>
        {
            ["subsystem"] = "KR/GOV/MOIS/registries-oauth", ["code"] = code, ["nameKo"] = "잘못", ["nameEn"] = "Bad", ["provider"] = "http",
            ["providerUrl"] = "https://api.example.com", ["attributes"] = "vehicle", ["purposes"] = "case-processing", ["dataAgreementId"] = "",
        };
        form[field] = value;
        var before = await admin.GetStringAsync(new Uri("/api/exchange/services", UriKind.Relative));

        var response = await PostAsync(admin, Register, "Service", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(before, await admin.GetStringAsync(new Uri("/api/exchange/services", UriKind.Relative)));
    }

    [Fact]
    public async Task An_official_who_is_not_an_administrator_is_refused_and_nothing_changes()
    {
        var official = await factory.SignedInClientAsync(OfficialAccounts.MinistryOfficial);
        var admin = await factory.AdminAsync();
        var before = await admin.GetStringAsync(new Uri("/api/exchange/services", UriKind.Relative));

        var toggled = await PostAsync(official, Index, "Toggle", new() { ["service"] = ExchangeFactory.ResidentStatus, ["enabled"] = "false" });
        Assert.Equal(HttpStatusCode.OK, toggled.StatusCode);
        Assert.Contains("Only administrators may change this", await toggled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var registered = await PostAsync(official, Register, "Subsystem", new() { ["member"] = "KR/GOV/MOIS", ["code"] = "intruder", ["nameKo"] = "침입", ["nameEn"] = "Intruder" });
        Assert.Contains("Only administrators may register", await registered.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(before, await admin.GetStringAsync(new Uri("/api/exchange/services", UriKind.Relative)));
        var members = await admin.GetFromJsonAsync<JsonElement>("/api/exchange/members");
        Assert.DoesNotContain(members.EnumerateArray().SelectMany(m => m.GetProperty("subsystems").EnumerateArray()), s => s.GetProperty("id").GetString() == "KR/GOV/MOIS/intruder");

        // A citizen does not even reach the page.
        var citizen = await factory.SignedInAsAsync(await factory.CreateCitizenForResidentAsync(DemoPersonas.YoungJobseeker.ResidentNumber, DemoPersonas.YoungJobseeker.NameKo));
        Assert.NotEqual(HttpStatusCode.OK, (await citizen.GetAsync(new Uri(Index, UriKind.Relative))).StatusCode);
    }

    /// <summary>Posts a page's form as a browser would: the page first (for its antiforgery token), then the form to the handler.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(new Uri(page + "?culture=en", UriKind.Relative));
        fields["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(html);
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri($"{page}?handler={handler}&culture=en", UriKind.Relative), form);
    }

    private static void AssertSaved(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("done=saved", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static void AssertDone(HttpResponseMessage response, string done)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains($"done={done}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ServiceAsync(HttpClient admin, string id) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/exchange/services")).EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);
}
