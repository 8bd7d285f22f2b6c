using System.Net;
using System.Net.Http.Headers;
using Duende.IdentityModel.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Testing;
using static Nara.Identity.Tests.OidcFlow;

namespace Nara.Identity.Tests;

/// <summary>Agency systems with client credentials against the registries API; subjects per sector; keys; audit.</summary>
public sealed class OidcAgencyAndSubjectTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    private static readonly Uri Residents = new("/govstack/registries/data/residents/1.0?page_size=1", UriKind.Relative);

    private static NewOidcClient AgencySystem(string id, params string[] scopes) =>
        new(id, $"Agency system {id}", OidcClientTypes.Confidential, OidcSectors.Public, "MOIS", [], [], scopes, ClientCredentials: true);

    private static async Task<TokenResponse> ClientTokenAsync(HttpClient http, string id, string secret, string? scope = null)
    {
        var disco = await DiscoverAsync(http);
        return await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = id, ClientSecret = secret, Scope = scope,
        });
    }

    private async Task<HttpStatusCode> CallRegistriesAsync(string? token)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await http.GetAsync(Residents)).StatusCode;
    }

    [Fact]
    public async Task An_agency_system_calls_the_registries_with_a_client_credentials_token_and_its_scopes_are_enforced()
    {
        var http = factory.CreateClient();
        var reader = (await RegisterAsync(factory, AgencySystem("KR/GOV/MOIS/oauth-reader", "registries.read")))!;
        var vehicles = (await RegisterAsync(factory, AgencySystem("KR/GOV/MOLIT/oauth-vehicles", "registries:vehicles:read")))!;

        var token = await ClientTokenAsync(http, "KR/GOV/MOIS/oauth-reader", reader, "registries.read");
        Assert.False(token.IsError, token.Error);
        Assert.Equal(HttpStatusCode.OK, await CallRegistriesAsync(token.AccessToken));

        var narrow = await ClientTokenAsync(http, "KR/GOV/MOLIT/oauth-vehicles", vehicles, "registries:vehicles:read");
        Assert.False(narrow.IsError, narrow.Error);
        Assert.Equal(HttpStatusCode.Forbidden, await CallRegistriesAsync(narrow.AccessToken));

        var notGranted = await ClientTokenAsync(http, "KR/GOV/MOIS/oauth-reader", reader, "registries.write");
        Assert.Equal("invalid_request", notGranted.Error); // OpenIddict: "not allowed to use the specified scope"
        var wrongSecret = await ClientTokenAsync(http, "KR/GOV/MOIS/oauth-reader", reader + "x", "registries.read");
        Assert.Equal("invalid_client", wrongSecret.Json?.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_notifications_and_registration_scopes_open_those_apis_and_nothing_else()
    {
        var http = factory.CreateClient();
        var system = (await RegisterAsync(factory, AgencySystem("KR/GOV/MOIS/oauth-services", "notifications.send", "services.registration")))!;
        var reader = (await RegisterAsync(factory, AgencySystem("KR/GOV/MOIS/oauth-reader-only", "registries.read")))!;
        var granted = (await ClientTokenAsync(http, "KR/GOV/MOIS/oauth-services", system, "notifications.send services.registration")).AccessToken;
        var other = (await ClientTokenAsync(http, "KR/GOV/MOIS/oauth-reader-only", reader, "registries.read")).AccessToken;

        Assert.Equal(HttpStatusCode.OK, await CallAsync(granted, "/govstack/registration/tasks"));
        Assert.Equal(HttpStatusCode.NotFound, await CallAsync(granted, $"/api/notifications/messages/{Guid.NewGuid()}"));
        Assert.Equal(HttpStatusCode.Forbidden, await CallAsync(granted, Residents.OriginalString));
        Assert.Equal(HttpStatusCode.Forbidden, await CallAsync(other, "/govstack/registration/tasks"));
        Assert.Equal(HttpStatusCode.Forbidden, await CallAsync(other, $"/api/notifications/messages/{Guid.NewGuid()}"));
    }

    private async Task<HttpStatusCode> CallAsync(string? token, string path)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode;
    }

    [Fact]
    public async Task A_tampered_or_revoked_token_is_refused_and_introspection_says_so()
    {
        var http = factory.CreateClient();
        var secret = (await RegisterAsync(factory, AgencySystem("KR/GOV/MOIS/oauth-revoke", "registries.read")))!;
        var token = (await ClientTokenAsync(http, "KR/GOV/MOIS/oauth-revoke", secret, "registries.read")).AccessToken!;
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        Assert.Equal(HttpStatusCode.Unauthorized, await CallRegistriesAsync(tampered));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallRegistriesAsync("not-a-token"));

        var disco = await DiscoverAsync(http);
        var active = await http.IntrospectTokenAsync(new TokenIntrospectionRequest
        {
            Address = disco.IntrospectionEndpoint, ClientId = "KR/GOV/MOIS/oauth-revoke", ClientSecret = secret, Token = token,
        });
        Assert.True(active.IsActive, active.Error);

        var revoked = await http.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = disco.RevocationEndpoint, ClientId = "KR/GOV/MOIS/oauth-revoke", ClientSecret = secret, Token = token,
        });
        Assert.False(revoked.IsError, revoked.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, await CallRegistriesAsync(token));
        var inactive = await http.IntrospectTokenAsync(new TokenIntrospectionRequest
        {
            Address = disco.IntrospectionEndpoint, ClientId = "KR/GOV/MOIS/oauth-revoke", ClientSecret = secret, Token = token,
        });
        Assert.False(inactive.IsActive);
    }

    [Fact]
    public async Task An_expired_token_is_refused_once_the_clock_passes_its_lifetime()
    {
        var http = factory.CreateClient();
        var secret = (await RegisterAsync(factory, AgencySystem("KR/GOV/MOIS/oauth-expiry", "registries.read")))!;
        var token = (await ClientTokenAsync(http, "KR/GOV/MOIS/oauth-expiry", secret, "registries.read")).AccessToken!;
        Assert.Equal(HttpStatusCode.OK, await CallRegistriesAsync(token));

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallRegistriesAsync(token));
        var fresh = (await ClientTokenAsync(http, "KR/GOV/MOIS/oauth-expiry", secret, "registries.read")).AccessToken!;
        Assert.Equal(HttpStatusCode.OK, await CallRegistriesAsync(fresh));
    }

    [Fact]
    public async Task Private_clients_see_different_stable_subjects_and_public_clients_the_public_one()
    {
        var secretA = (await RegisterAsync(factory, WebClient("private-a")))!;
        var secretB = (await RegisterAsync(factory, WebClient("private-b")))!;
        var secretPublic = (await RegisterAsync(factory, WebClient("public-agency", sector: OidcSectors.Public)))!;
        var browser = await factory.SignedInClientAsync(OfficialAccounts.MinistryOfficial);
        var disco = await DiscoverAsync(browser);

        var a1 = await SubjectAsync(browser, disco, "private-a", secretA);
        var a2 = await SubjectAsync(browser, disco, "private-a", secretA);
        var b = await SubjectAsync(browser, disco, "private-b", secretB);
        var pub = await SubjectAsync(browser, disco, "public-agency", secretPublic);

        Assert.Equal(a1, a2);
        Assert.NotEqual(a1, b);
        Assert.Equal((await factory.EnsureOfficialAsync(OfficialAccounts.MinistryOfficial)).ToString("D"), pub);
        Assert.DoesNotContain(pub, new[] { a1, b });
    }

    [Fact]
    public async Task Every_token_issue_is_written_to_the_outbox_without_the_token_and_reaches_the_audit_log()
    {
        var http = factory.CreateClient();
        var secret = (await RegisterAsync(factory, AgencySystem("KR/GOV/MOIS/oauth-audit", "registries.read")))!;
        var token = (await ClientTokenAsync(http, "KR/GOV/MOIS/oauth-audit", secret, "registries.read")).AccessToken!;

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var all = await db.OutboxMessages.AsNoTracking().ToListAsync();
            var events = all.Where(m => m.Type.Contains(nameof(OidcTokenIssued), StringComparison.Ordinal)).ToList();
            Assert.True(events.Count > 0, string.Join("\n", all.Select(m => m.Type + " " + m.Payload)));
            var issued = Assert.Single(events, m => m.Payload.Contains("KR/GOV/MOIS/oauth-audit", StringComparison.Ordinal));
            Assert.Contains("client_credentials", issued.Payload, StringComparison.Ordinal);
            Assert.Contains("registries.read", issued.Payload, StringComparison.Ordinal);
            Assert.DoesNotContain(token[..40], issued.Payload, StringComparison.Ordinal);
        }

        await factory.DrainOutboxAsync();
        await using var after = factory.Services.CreateAsyncScope();
        var undelivered = await after.ServiceProvider.GetRequiredService<IdentityDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Type.Contains(nameof(OidcTokenIssued)) && m.DispatchedAt == null).Select(m => m.LastError).ToListAsync();
        Assert.True(undelivered.Count == 0, string.Join("\n", undelivered));
    }

    [Fact]
    public async Task After_key_rotation_new_tokens_use_the_new_key_and_old_tokens_still_validate()
    {
        var http = factory.CreateClient();
        var secret = (await RegisterAsync(factory, AgencySystem("KR/GOV/MOIS/oauth-rotate", "registries.read")))!;
        var before = (await ClientTokenAsync(http, "KR/GOV/MOIS/oauth-rotate", secret, "registries.read")).AccessToken!;
        var disco = await DiscoverAsync(http);
        var keysBefore = (await http.GetJsonWebKeySetAsync(disco.JwksUri)).KeySet!.Keys.Select(k => k.Kid).ToHashSet();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var rotated = await scope.ServiceProvider.GetRequiredService<IOidcKeyRotation>().RotateAsync(CancellationToken.None);
            Assert.DoesNotContain(rotated.SigningKeyId, keysBefore);
        }

        var keysAfter = (await http.GetJsonWebKeySetAsync(disco.JwksUri)).KeySet!.Keys.Select(k => k.Kid).ToList();
        Assert.Superset(keysBefore, keysAfter.ToHashSet());
        Assert.Equal(keysBefore.Count + 1, keysAfter.Count);
        Assert.Equal(HttpStatusCode.OK, await CallRegistriesAsync(before));
        var after = (await ClientTokenAsync(http, "KR/GOV/MOIS/oauth-rotate", secret, "registries.read")).AccessToken!;
        Assert.Equal(HttpStatusCode.OK, await CallRegistriesAsync(after));
    }

    private static async Task<string> SubjectAsync(HttpClient browser, DiscoveryDocumentResponse disco, string clientId, string secret)
    {
        var (verifier, challenge) = Pkce();
        var code = CodeFrom(await AuthorizeAsync(browser, AuthorizeUrl(disco, clientId, challenge, scope: "openid")));
        var tokens = await browser.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = clientId, ClientSecret = secret, Code = code, RedirectUri = RedirectUri, CodeVerifier = verifier,
        });
        Assert.False(tokens.IsError, tokens.Error);
        return Payload(tokens.IdentityToken!).GetProperty("sub").GetString()!;
    }
}
