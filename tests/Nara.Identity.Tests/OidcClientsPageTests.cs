using System.Net;
using Nara.Testing;

namespace Nara.Identity.Tests;

/// <summary>The platform administrators' page for OpenID Connect clients, on the same use cases as the API.</summary>
public sealed class OidcClientsPageTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    private static readonly Uri Page = new("/officials/platform/oidc-clients", UriKind.Relative);

    [Fact]
    public async Task A_platform_administrator_registers_a_confidential_client_sees_its_secret_once_and_removes_it()
    {
        using var admin = await PlatformAdministrator.SignedInAsync(factory);
        var html = await admin.GetStringAsync(Page);
        Assert.Contains("OpenID Connect 클라이언트 관리", html, StringComparison.Ordinal);
        Assert.Contains("Register client", await admin.GetStringAsync(new Uri(Page + "?culture=en", UriKind.Relative)), StringComparison.Ordinal);

        var registered = await PostAsync(admin, "Register", new()
        {
            ["clientId"] = "page-rp", ["displayName"] = "페이지 RP", ["clientType"] = "confidential", ["sector"] = "private",
            ["redirectUris"] = "https://page-rp.example/cb\r\nhttps://page-rp.example/cb2", ["postLogoutRedirectUris"] = "https://page-rp.example/out",
            ["scopes"] = "openid",
        }, ("scopes", "profile"));
        var answer = await registered.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("no-store", registered.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var secret = System.Text.RegularExpressions.Regex.Match(answer, "<code id=\"client-secret\">([^<]+)</code>").Groups[1].Value;
        Assert.True(secret.Length >= 20, "The secret is shown once after registering.");

        var list = await admin.GetStringAsync(Page);
        Assert.Contains("page-rp", list, StringComparison.Ordinal);
        Assert.Contains("https://page-rp.example/cb2", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);

        var removed = await PostAsync(admin, "Remove", new() { ["clientId"] = "page-rp" });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.DoesNotContain("<code>page-rp</code>", await admin.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(admin, "Remove", new() { ["clientId"] = "page-rp" })).StatusCode);
    }

    [Fact]
    public async Task A_public_client_gets_no_secret_and_a_bad_redirect_uri_is_explained_with_the_form_kept()
    {
        using var admin = await PlatformAdministrator.SignedInAsync(factory);
        var publicClient = await PostAsync(admin, "Register", new()
        {
            ["clientId"] = "page-app", ["displayName"] = "앱", ["clientType"] = "public", ["sector"] = "private",
            ["redirectUris"] = "https://page-app.example/cb", ["scopes"] = "openid",
        });
        Assert.Equal(HttpStatusCode.OK, publicClient.StatusCode);
        Assert.DoesNotContain("client-secret", await publicClient.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bad = await PostAsync(admin, "Register", new()
        {
            ["clientId"] = "page-bad", ["displayName"] = "나쁜 예", ["clientType"] = "confidential", ["sector"] = "private",
            ["redirectUris"] = "http://page-bad.example/cb", ["scopes"] = "openid",
        });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("등록하지 못했습니다", html, StringComparison.Ordinal);
        Assert.Contains("http://page-bad.example/cb", html, StringComparison.Ordinal); // the form is shown again as typed
        Assert.DoesNotContain("<code>page-bad</code>", await admin.GetStringAsync(Page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agency_administrator_of_a_district_and_a_citizen_are_refused()
    {
        using var district = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var refused = await district.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/error/403", refused.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var citizen = await factory.SignedInAsAsync(await factory.CreateCitizenAsync());
        Assert.Contains("/error/403", (await citizen.GetAsync(Page)).Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields, params (string Key, string Value)[] more)
    {
        var token = OfficialAccounts.AntiforgeryToken(await client.GetStringAsync(Page));
        var pairs = fields.Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Concat(more.Select(m => KeyValuePair.Create(m.Key, m.Value)))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token));
        using var form = new FormUrlEncodedContent(pairs);
        return await client.PostAsync(new Uri(Page + "?handler=" + handler, UriKind.Relative), form);
    }
}
