using System.Net;
using System.Text.RegularExpressions;
using Duende.IdentityModel.Client;
using Nara.Testing;
using static Nara.Identity.Tests.OidcFlow;

namespace Nara.Identity.Tests;

/// <summary>RP-initiated logout: a confirmation page unless the relying party proves which session it means.</summary>
public sealed partial class OidcEndSessionTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    private const string SignedOut = "https://rp.example/signed-out";

    [Fact]
    public async Task Without_an_id_token_hint_the_person_confirms_on_a_bilingual_page_before_being_signed_out()
    {
        _ = await RegisterAsync(factory, WebClient("rp-confirm-logout"));
        using var browser = await factory.SignedInAsAsync(await factory.CreateCitizenAsync());
        var disco = await DiscoverAsync(browser);
        var logoutUrl = disco.EndSessionEndpoint + "?client_id=rp-confirm-logout&post_logout_redirect_uri=" + Uri.EscapeDataString(SignedOut) + "&state=s1";

        var page = await browser.GetAsync(new Uri(logoutUrl));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("로그아웃 확인", html, StringComparison.Ordinal);
        Assert.Contains("Test RP rp-confirm-logout", html, StringComparison.Ordinal);
        var english = await browser.GetStringAsync(new Uri(logoutUrl + "&culture=en"));
        Assert.Contains("Confirm sign-out", english, StringComparison.Ordinal);
        Assert.True(await SignedInAsync(browser), "Showing the page must not sign the person out.");

        // The decision without the anti-forgery token is refused and changes nothing.
        using (var forged = new FormUrlEncodedContent(Fields(html, "signout", withToken: false)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync(new Uri("/connect/endsession", UriKind.Relative), forged)).StatusCode);
        }

        Assert.True(await SignedInAsync(browser));

        using var confirmed = new FormUrlEncodedContent(Fields(html, "signout"));
        var answer = await browser.PostAsync(new Uri("/connect/endsession", UriKind.Relative), confirmed);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal(SignedOut + "?state=s1", answer.Headers.Location!.ToString());
        Assert.False(await SignedInAsync(browser));
    }

    [Fact]
    public async Task Choosing_to_stay_keeps_the_session_and_goes_home()
    {
        _ = await RegisterAsync(factory, WebClient("rp-stay"));
        using var browser = await factory.SignedInAsAsync(await factory.CreateCitizenAsync());
        var disco = await DiscoverAsync(browser);
        var html = await browser.GetStringAsync(new Uri(disco.EndSessionEndpoint + "?client_id=rp-stay&post_logout_redirect_uri=" + Uri.EscapeDataString(SignedOut)));

        using var stay = new FormUrlEncodedContent(Fields(html, "stay"));
        var answer = await browser.PostAsync(new Uri("/connect/endsession", UriKind.Relative), stay);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/", answer.Headers.Location!.ToString());
        Assert.True(await SignedInAsync(browser));
    }

    [Fact]
    public async Task An_id_token_hint_for_someone_else_does_not_skip_the_confirmation()
    {
        var secret = await RegisterAsync(factory, WebClient("rp-other-hint"));
        using var first = await factory.SignedInAsAsync(await factory.CreateCitizenAsync("첫째"));
        var disco = await DiscoverAsync(first);
        var (verifier, challenge) = Pkce();
        var code = CodeFrom(await AuthorizeAsync(first, AuthorizeUrl(disco, "rp-other-hint", challenge, scope: "openid")));
        var tokens = await first.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = "rp-other-hint", ClientSecret = secret, Code = code, RedirectUri = RedirectUri, CodeVerifier = verifier,
        });
        Assert.False(tokens.IsError, tokens.Error);

        using var second = await factory.SignedInAsAsync(await factory.CreateCitizenAsync("둘째"));
        var answer = await second.GetAsync(new Uri(new RequestUrl(disco.EndSessionEndpoint!).CreateEndSessionUrl(tokens.IdentityToken, SignedOut, "x")));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(await SignedInAsync(second));
        // The hint's own person is signed out at once.
        var own = await first.GetAsync(new Uri(new RequestUrl(disco.EndSessionEndpoint!).CreateEndSessionUrl(tokens.IdentityToken, SignedOut, "y")));
        Assert.Equal(SignedOut + "?state=y", own.Headers.Location!.ToString());
    }

    [Fact]
    public async Task An_unregistered_post_logout_redirect_uri_is_refused()
    {
        _ = await RegisterAsync(factory, WebClient("rp-logout-foreign"));
        using var browser = await factory.SignedInAsAsync(await factory.CreateCitizenAsync());
        var disco = await DiscoverAsync(browser);

        var answer = await browser.GetAsync(new Uri(disco.EndSessionEndpoint + "?client_id=rp-logout-foreign&post_logout_redirect_uri=" + Uri.EscapeDataString("https://evil.example/")));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.True(await SignedInAsync(browser));
    }

    private static async Task<bool> SignedInAsync(HttpClient browser) =>
        (await browser.GetAsync(new Uri("/my/passkeys", UriKind.Relative))).StatusCode == HttpStatusCode.OK;

    private static Dictionary<string, string> Fields(string html, string decision, bool withToken = true)
    {
        var start = html.IndexOf("action=\"/connect/endsession\"", StringComparison.Ordinal);
        Assert.True(start > 0, "No confirmation form on the page.");
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = HiddenField().Matches(form)
            .Where(m => m.Groups[1].Value != "__RequestVerificationToken")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["decision"] = decision;
        if (withToken)
        {
            fields["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(form);
        }

        return fields;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
