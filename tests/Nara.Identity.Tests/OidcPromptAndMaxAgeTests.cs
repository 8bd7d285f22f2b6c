using System.Net;
using System.Web;
using Duende.IdentityModel.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Nara.Testing;
using static Nara.Identity.Tests.OidcFlow;

namespace Nara.Identity.Tests;

/// <summary>OIDC Core 3.1.2.1: prompt=login and max_age force a fresh sign-in; prompt=none never shows a page.</summary>
public sealed class OidcPromptAndMaxAgeTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task Prompt_login_sends_a_signed_in_person_to_sign_in_again_and_the_id_token_tells_when()
    {
        var secret = await RegisterAsync(factory, WebClient("rp-prompt-login"));
        var accountId = await factory.CreateCitizenAsync();
        using var browser = await factory.SignedInAsAsync(accountId);
        var disco = await DiscoverAsync(browser);
        var (verifier, challenge) = Pkce();

        var challenged = await browser.GetAsync(new Uri(AuthorizeUrl(disco, "rp-prompt-login", challenge, scope: "openid") + "&prompt=login"));
        var returnUrl = SignInReturnUrl(challenged);
        Assert.DoesNotContain("prompt=login", returnUrl, StringComparison.Ordinal);
        // The old session is gone: going back without signing in asks for sign-in again.
        Assert.Contains("/signin", (await browser.GetAsync(new Uri(returnUrl, UriKind.Relative))).Headers.Location!.ToString(), StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var signedInAgainAt = factory.Clock.GetUtcNow().ToUnixTimeSeconds();
        var back = await SignInAsync(browser, accountId, returnUrl);
        var code = CodeFrom(await AuthorizeAsync(browser, "http://localhost" + back));
        var tokens = await browser.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = "rp-prompt-login", ClientSecret = secret, Code = code, RedirectUri = RedirectUri, CodeVerifier = verifier,
        });

        Assert.False(tokens.IsError, tokens.Error);
        Assert.Equal(signedInAgainAt, Payload(tokens.IdentityToken!).GetProperty("auth_time").GetInt64());
    }

    [Fact]
    public async Task A_session_older_than_max_age_signs_in_again_and_a_younger_one_does_not()
    {
        _ = await RegisterAsync(factory, WebClient("rp-max-age"));
        var accountId = await factory.CreateCitizenAsync();
        using var browser = await factory.SignedInAsAsync(accountId);
        var disco = await DiscoverAsync(browser);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));

        var stale = await browser.GetAsync(new Uri(AuthorizeUrl(disco, "rp-max-age", Pkce().Challenge, scope: "openid") + "&max_age=60"));
        var returnUrl = SignInReturnUrl(stale);
        Assert.Contains("max_age=60", returnUrl, StringComparison.Ordinal);

        // Signed in again just now: max_age=60 is satisfied and the code is issued.
        var back = await SignInAsync(browser, accountId, returnUrl);
        CodeFrom(await AuthorizeAsync(browser, "http://localhost" + back));

        // A fresh session with a generous max_age goes straight through (consent remembered).
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        CodeFrom(await browser.GetAsync(new Uri(AuthorizeUrl(disco, "rp-max-age", Pkce().Challenge, scope: "openid") + "&max_age=600")));
    }

    [Fact]
    public async Task Max_age_puts_auth_time_in_the_id_token()
    {
        var secret = await RegisterAsync(factory, WebClient("rp-auth-time"));
        var accountId = await factory.CreateCitizenAsync();
        using var browser = await factory.SignedInAsAsync(accountId);
        var signedInAt = factory.Clock.GetUtcNow().ToUnixTimeSeconds();
        var disco = await DiscoverAsync(browser);
        var (verifier, challenge) = Pkce();

        var code = CodeFrom(await AuthorizeAsync(browser, AuthorizeUrl(disco, "rp-auth-time", challenge, scope: "openid offline_access") + "&max_age=3600"));
        var tokens = await browser.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = "rp-auth-time", ClientSecret = secret, Code = code, RedirectUri = RedirectUri, CodeVerifier = verifier,
        });
        Assert.False(tokens.IsError, tokens.Error);
        Assert.Equal(signedInAt, Payload(tokens.IdentityToken!).GetProperty("auth_time").GetInt64());

        // Refreshing keeps the time the person signed in, not the time of the refresh.
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var refreshed = await browser.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = "rp-auth-time", ClientSecret = secret, RefreshToken = tokens.RefreshToken!,
        });
        Assert.False(refreshed.IsError, refreshed.Error);
        Assert.Equal(signedInAt, Payload(refreshed.IdentityToken!).GetProperty("auth_time").GetInt64());
    }

    [Fact]
    public async Task Prompt_none_without_a_session_answers_login_required_to_the_relying_party()
    {
        _ = await RegisterAsync(factory, WebClient("rp-prompt-none"));
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var disco = await DiscoverAsync(anonymous);

        var answer = await anonymous.GetAsync(new Uri(AuthorizeUrl(disco, "rp-prompt-none", Pkce().Challenge, scope: "openid") + "&prompt=none"));

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith(RedirectUri, answer.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("login_required", new AuthorizeResponse(answer.Headers.Location!.ToString()).Error);
    }

    [Fact]
    public async Task Prompt_none_with_a_session_older_than_max_age_answers_login_required()
    {
        _ = await RegisterAsync(factory, WebClient("rp-prompt-none-old"));
        using var browser = await factory.SignedInAsAsync(await factory.CreateCitizenAsync());
        var disco = await DiscoverAsync(browser);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));

        var answer = await browser.GetAsync(new Uri(AuthorizeUrl(disco, "rp-prompt-none-old", Pkce().Challenge, scope: "openid") + "&prompt=none&max_age=60"));

        Assert.Equal("login_required", new AuthorizeResponse(answer.Headers.Location!.ToString()).Error);
    }

    /// <summary>The local address the sign-in page will return to, from the challenge's redirect.</summary>
    private static string SignInReturnUrl(HttpResponseMessage challenged)
    {
        Assert.Equal(HttpStatusCode.Redirect, challenged.StatusCode);
        var location = challenged.Headers.Location!;
        Assert.Contains("/signin", location.ToString(), StringComparison.Ordinal);
        var query = location.IsAbsoluteUri ? location.Query : location.OriginalString[location.OriginalString.IndexOf('?', StringComparison.Ordinal)..];
        return HttpUtility.ParseQueryString(query)["ReturnUrl"]!;
    }

    /// <summary>Signs in through the demo page with a return address; answers where it sends the browser.</summary>
    private static async Task<string> SignInAsync(HttpClient browser, Guid accountId, string returnUrl)
    {
        var token = OfficialAccounts.AntiforgeryToken(await browser.GetStringAsync(new Uri("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative)));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["accountId"] = accountId.ToString(), ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = token,
        });
        var answer = await browser.PostAsync(new Uri("/signin", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.Location!.OriginalString;
    }
}
