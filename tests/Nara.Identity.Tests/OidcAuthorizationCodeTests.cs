using System.Net;
using Duende.IdentityModel.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Nara.Identity.Contracts;
using Nara.Testing;
using static Nara.Identity.Tests.OidcFlow;

namespace Nara.Identity.Tests;

/// <summary>Sign-in with Nara: authorization code + PKCE against the test host, as a relying party sees it.</summary>
public sealed class OidcAuthorizationCodeTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    private async Task<(HttpClient Browser, DiscoveryDocumentResponse Disco)> StartAsync()
    {
        var browser = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);
        return (browser, await DiscoverAsync(browser));
    }

    [Fact]
    public async Task A_relying_party_completes_a_code_flow_with_PKCE_and_gets_signed_tokens_userinfo_and_a_refresh()
    {
        var secret = await RegisterAsync(factory, WebClient("rp-roundtrip"));
        var (browser, disco) = await StartAsync();
        var (verifier, challenge) = Pkce();

        var code = CodeFrom(await AuthorizeAsync(browser, AuthorizeUrl(disco, "rp-roundtrip", challenge)));
        var tokens = await browser.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = "rp-roundtrip", ClientSecret = secret, Code = code, RedirectUri = RedirectUri, CodeVerifier = verifier,
        });

        Assert.False(tokens.IsError, tokens.Error);
        Assert.NotNull(tokens.RefreshToken);
        var keys = await browser.GetJsonWebKeySetAsync(disco.JwksUri);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(tokens.IdentityToken, new TokenValidationParameters
        {
            ValidIssuer = disco.Issuer, ValidAudience = "rp-roundtrip", IssuerSigningKeys = new JsonWebKeySet(keys.Raw).GetSigningKeys(),
            LifetimeValidator = (_, _, _, _) => true, // the host's clock is a test clock
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var id = Payload(tokens.IdentityToken!);
        Assert.Equal("한지민", id.GetProperty("name").GetString());
        Assert.Equal("1985-06-12", id.GetProperty("birthdate").GetString());
        Assert.True(id.GetProperty("age_over_19").GetBoolean());
        Assert.False(id.GetProperty("age_over_65").GetBoolean());
        Assert.Equal("LG1111000000", id.GetProperty("agency").GetString());
        Assert.Equal("n-0S6_WzA2Mj", id.GetProperty("nonce").GetString());
        Assert.False(id.TryGetProperty("nara_account", out _));

        var userInfo = await browser.GetUserInfoAsync(new UserInfoRequest { Address = disco.UserInfoEndpoint, Token = tokens.AccessToken });
        Assert.False(userInfo.IsError, userInfo.Error);
        Assert.Equal(id.GetProperty("sub").GetString(), userInfo.Json?.GetProperty("sub").GetString());
        Assert.True(userInfo.Json?.GetProperty("age_over_14").GetBoolean());

        var refreshed = await browser.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = "rp-roundtrip", ClientSecret = secret, RefreshToken = tokens.RefreshToken!,
        });
        Assert.False(refreshed.IsError, refreshed.Error);
        Assert.Equal(id.GetProperty("sub").GetString(), Payload(refreshed.IdentityToken!).GetProperty("sub").GetString());
    }

    [Fact]
    public async Task Consent_is_remembered_per_client_and_a_refusal_answers_access_denied()
    {
        var secret = await RegisterAsync(factory, WebClient("rp-consent"));
        _ = await RegisterAsync(factory, WebClient("rp-refused"));
        var (browser, disco) = await StartAsync();

        var consentPage = await browser.GetAsync(new Uri(AuthorizeUrl(disco, "rp-consent", Pkce().Challenge)));
        var html = await consentPage.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, consentPage.StatusCode);
        Assert.Contains("Test RP rp-consent", html, StringComparison.Ordinal);
        Assert.Contains("생년월일", html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);

        CodeFrom(await AuthorizeAsync(browser, AuthorizeUrl(disco, "rp-consent", Pkce().Challenge)));
        var again = await browser.GetAsync(new Uri(AuthorizeUrl(disco, "rp-consent", Pkce().Challenge)));
        CodeFrom(again); // no consent screen the second time

        var denied = await AuthorizeAsync(browser, AuthorizeUrl(disco, "rp-refused", Pkce().Challenge), decision: "deny");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal("access_denied", new AuthorizeResponse(denied.Headers.Location!.ToString()).Error);
        Assert.NotNull(secret);
    }

    [Fact]
    public async Task A_consent_decision_without_the_anti_forgery_token_is_refused()
    {
        _ = await RegisterAsync(factory, WebClient("rp-forgery"));
        var (browser, disco) = await StartAsync();
        var url = new Uri(AuthorizeUrl(disco, "rp-forgery", Pkce().Challenge));
        using var form = new FormUrlEncodedContent(System.Web.HttpUtility.ParseQueryString(url.Query).AllKeys
            .Select(k => new KeyValuePair<string, string>(k!, System.Web.HttpUtility.ParseQueryString(url.Query)[k]!))
            .Append(new("decision", "accept")));
        var response = await browser.PostAsync(new Uri("/connect/authorize", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_person_who_is_not_signed_in_is_sent_to_the_sign_in_page_and_back()
    {
        _ = await RegisterAsync(factory, WebClient("rp-anonymous"));
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var disco = await DiscoverAsync(anonymous);
        var response = await anonymous.GetAsync(new Uri(AuthorizeUrl(disco, "rp-anonymous", Pkce().Challenge)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/signin?ReturnUrl=%2Fconnect%2Fauthorize", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_code_is_refused_with_invalid_grant()
    {
        var secret = await RegisterAsync(factory, WebClient("rp-replay"));
        var (browser, disco) = await StartAsync();
        var (verifier, challenge) = Pkce();
        var code = CodeFrom(await AuthorizeAsync(browser, AuthorizeUrl(disco, "rp-replay", challenge)));
        var request = new AuthorizationCodeTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = "rp-replay", ClientSecret = secret, Code = code, RedirectUri = RedirectUri, CodeVerifier = verifier,
        };

        Assert.False((await browser.RequestAuthorizationCodeTokenAsync(request)).IsError);
        var replay = await browser.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = "rp-replay", ClientSecret = secret, Code = code, RedirectUri = RedirectUri, CodeVerifier = verifier,
        });
        Assert.Equal("invalid_grant", replay.Error);
        Assert.Equal(HttpStatusCode.BadRequest, replay.HttpStatusCode);
    }

    [Fact]
    public async Task A_wrong_redirect_uri_is_refused_at_authorization_and_at_the_token_endpoint()
    {
        var secret = await RegisterAsync(factory, WebClient("rp-redirect"));
        var (browser, disco) = await StartAsync();
        var unregistered = await browser.GetAsync(new Uri(AuthorizeUrl(disco, "rp-redirect", Pkce().Challenge, redirectUri: RedirectUri + "/evil")));
        Assert.Equal(HttpStatusCode.BadRequest, unregistered.StatusCode);
        Assert.Null(unregistered.Headers.Location);

        var (verifier, challenge) = Pkce();
        var code = CodeFrom(await AuthorizeAsync(browser, AuthorizeUrl(disco, "rp-redirect", challenge)));
        var mismatch = await browser.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = "rp-redirect", ClientSecret = secret, Code = code, RedirectUri = "https://rp.example/other", CodeVerifier = verifier,
        });
        Assert.Equal("invalid_grant", mismatch.Error);
    }

    [Fact]
    public async Task A_public_client_without_PKCE_is_refused_and_a_wrong_verifier_too()
    {
        _ = await RegisterAsync(factory, WebClient("rp-public", type: OidcClientTypes.Public));
        var (browser, disco) = await StartAsync();
        var noPkce = await browser.GetAsync(new Uri(AuthorizeUrl(disco, "rp-public", challenge: null)));
        // OpenIddict answers the browser directly rather than redirecting an unprotected request.
        Assert.Equal(HttpStatusCode.BadRequest, noPkce.StatusCode);
        Assert.Contains("error:invalid_request", await noPkce.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var code = CodeFrom(await AuthorizeAsync(browser, AuthorizeUrl(disco, "rp-public", Pkce().Challenge)));
        var wrongVerifier = await browser.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = "rp-public", Code = code, RedirectUri = RedirectUri, CodeVerifier = Pkce().Verifier,
        });
        Assert.Equal("invalid_grant", wrongVerifier.Error);
    }

    [Fact]
    public async Task An_unknown_client_is_refused_with_invalid_client()
    {
        var (browser, disco) = await StartAsync();
        var token = await browser.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = "never-registered", ClientSecret = "whatever",
        });
        Assert.Equal(HttpStatusCode.Unauthorized, token.HttpStatusCode);
        Assert.Equal("invalid_client", token.Json?.GetProperty("error").GetString());
        var authorize = await browser.GetAsync(new Uri(AuthorizeUrl(disco, "never-registered", Pkce().Challenge)));
        Assert.Equal(HttpStatusCode.BadRequest, authorize.StatusCode);
    }
}
