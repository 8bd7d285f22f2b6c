using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Contracts;
using Nara.Testing;
using static Nara.Identity.Tests.OidcFlow;

namespace Nara.Identity.Tests;

/// <summary>Discovery, end session, and client registration rules and access.</summary>
public sealed class OidcProviderSurfaceTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task Discovery_publishes_the_endpoints_scopes_claims_and_S256_only()
    {
        var disco = await DiscoverAsync(factory.CreateClient());
        Assert.Equal("http://localhost/connect/token", disco.TokenEndpoint);
        Assert.NotNull(disco.IntrospectionEndpoint);
        Assert.NotNull(disco.RevocationEndpoint);
        Assert.NotNull(disco.EndSessionEndpoint);
        Assert.NotNull(disco.UserInfoEndpoint);
        Assert.Equal(["S256"], disco.CodeChallengeMethodsSupported);
        Assert.Superset(new HashSet<string> { "openid", "profile", "birthdate", "age", "official", "registries.read", "registries.write", "notifications.send", "services.registration" }, disco.ScopesSupported.ToHashSet());
        Assert.Contains("age_over_19", disco.ClaimsSupported);
        Assert.Contains("client_credentials", disco.GrantTypesSupported);
        var keys = (await factory.CreateClient().GetJsonWebKeySetAsync(disco.JwksUri)).KeySet!.Keys;
        Assert.Contains(keys, k => k.Use == "sig" && k.Kty == "RSA" && k.Kid!.StartsWith("sig-", StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => k.D is not null); // public halves only
    }

    [Fact]
    public async Task End_session_signs_the_person_out_and_returns_only_to_a_registered_uri()
    {
        var secret = await RegisterAsync(factory, WebClient("rp-logout"));
        var browser = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var disco = await DiscoverAsync(browser);
        var (verifier, challenge) = Pkce();
        var code = CodeFrom(await AuthorizeAsync(browser, AuthorizeUrl(disco, "rp-logout", challenge)));
        var tokens = await browser.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = "rp-logout", ClientSecret = secret, Code = code, RedirectUri = RedirectUri, CodeVerifier = verifier,
        });

        var logout = await browser.GetAsync(new Uri(new RequestUrl(disco.EndSessionEndpoint!).CreateEndSessionUrl(
            tokens.IdentityToken, "https://rp.example/signed-out", "bye")));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("https://rp.example/signed-out?state=bye", logout.Headers.Location!.ToString());
        var again = await browser.GetAsync(new Uri(AuthorizeUrl(disco, "rp-logout", Pkce().Challenge)));
        Assert.StartsWith("http://localhost/signin", again.Headers.Location!.ToString(), StringComparison.Ordinal);

        var foreign = await browser.GetAsync(new Uri(new RequestUrl(disco.EndSessionEndpoint!).CreateEndSessionUrl(null, "https://evil.example/")));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
    }

    [Theory]
    [InlineData("bad id with spaces", "confidential", "private", "https://rp.example/cb", "openid")]
    [InlineData("rp-http", "confidential", "private", "http://rp.example/cb", "openid")]
    [InlineData("rp-fragment", "confidential", "private", "https://rp.example/cb#x", "openid")]
    [InlineData("rp-type", "secret", "private", "https://rp.example/cb", "openid")]
    [InlineData("rp-scope", "confidential", "private", "https://rp.example/cb", "openid everything")]
    [InlineData("rp-api", "confidential", "private", "https://rp.example/cb", "openid registries.write")]
    public async Task A_client_with_a_bad_id_type_redirect_or_scope_is_refused(string id, string type, string sector, string redirect, string scopes)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<IOidcClientAdministration>();
        var result = await admin.RegisterAsync(new NewOidcClient(id, "Bad", type, sector, null, [redirect], [], scopes.Split(' ')), CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task The_client_administration_API_refuses_people_who_are_not_platform_administrators()
    {
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var anonymousAnswer = await anonymous.GetAsync(new Uri("/api/identity/oidc-clients", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousAnswer.StatusCode);

        var official = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        var body = JsonContent.Create(new { clientId = "sneaky", displayName = "x", clientType = "public", sector = "private", redirectUris = new[] { "https://x.example/cb" }, scopes = new[] { "openid" } });
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PostAsync(new Uri("/api/identity/oidc-clients", UriKind.Relative), body)).StatusCode);
    }

    [Fact]
    public async Task A_platform_administrator_registers_lists_and_removes_a_client_through_the_API()
    {
        var admin = await PlatformAdministrator.SignedInAsync(factory);
        var body = JsonContent.Create(new
        {
            clientId = "rp-api-admin", displayName = "API admin RP", clientType = "public", sector = "private",
            redirectUris = new[] { "http://127.0.0.1:7000/cb" }, postLogoutRedirectUris = Array.Empty<string>(), scopes = new[] { "openid", "age" },
        });
        var created = await admin.PostAsync(new Uri("/api/identity/oidc-clients", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var list = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/identity/oidc-clients", UriKind.Relative));
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("clientId").GetString() == "rp-api-admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri("/api/identity/oidc-clients/rp-api-admin", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(new Uri("/api/identity/oidc-clients/rp-api-admin", UriKind.Relative))).StatusCode);
    }
}
