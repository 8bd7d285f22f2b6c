using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Nara.Registries.Contracts;
using Nara.Testing;

using static Nara.Browser.Tests.AxeChecks;

namespace Nara.Browser.Tests;

/// <summary>
/// Enrolment, passkey registration and sign-in in a real Chromium with its virtual WebAuthn authenticator
/// (DevTools protocol), on http://localhost: WebAuthn refuses IP addresses as relying party ids.
/// </summary>
public sealed class PasskeyBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private Uri Site => new($"http://localhost:{fixture.BaseAddress.Port}/");

    [BrowserFact]
    public async Task A_resident_enrols_registers_a_passkey_signs_out_and_signs_in_again_with_it()
    {
        var page = await EnrolWithPasskeyAsync(DemoPersonas.MotherOfNewborn, "내 노트북");
        Assert.Contains("내 노트북", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-passkeys");

        await page.GotoAsync(new Uri(Site, "/signout").ToString());
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Uri(Site, "/").ToString());
        await page.GotoAsync(new Uri(Site, "/my/passkeys").ToString());
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);

        await page.Locator("form[data-passkey=sign-in] button").ClickAsync();
        await page.WaitForURLAsync("**/my/passkeys");
        Assert.Contains("내 노트북", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_citizen_is_signed_out_after_an_idle_hour()
    {
        var page = await EnrolWithPasskeyAsync(DemoPersonas.YoungJobseeker, "휴대폰");
        fixture.Factory.Clock.Advance(TimeSpan.FromMinutes(50));
        await page.ReloadAsync();
        Assert.Contains("/my/passkeys", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("/signin", page.Url, StringComparison.Ordinal);

        fixture.Factory.Clock.Advance(TimeSpan.FromMinutes(61));
        await page.ReloadAsync();
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task An_official_signs_in_with_a_passkey_and_is_refused_another_agencys_page()
    {
        var page = await EnrolWithPasskeyAsync(DemoPersonas.DistrictOfficial, "사무실 보안키");
        await page.GotoAsync(new Uri(Site, "/officials/agencies/LG1111000000/officials").ToString());
        Assert.Contains("한지민", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "agency-officials");

        var refused = await page.GotoAsync(new Uri(Site, "/officials/agencies/MOIS/officials").ToString());
        Assert.Equal(403, refused!.Status);
        Assert.Contains("권한이 없습니다", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
    }

    [BrowserFact]
    public async Task The_sign_in_and_enrolment_pages_have_no_accessibility_violations_in_korean_and_english()
    {
        var context = await fixture.Browser.NewContextAsync(new() { Locale = "ko-KR" });
        var page = await context.NewPageAsync();
        foreach (var path in new[] { "/signin", "/enrol", "/recover", "/enrol/verify?challenge=3f2504e0-4f89-11d3-9a0c-0305e82c3301", "/signin?culture=en", "/enrol?culture=en" })
        {
            await page.GotoAsync(new Uri(Site, path).ToString());
            await AssertNoAxeViolationsAsync(page);
        }

        await page.GotoAsync(new Uri(Site, "/enrol?culture=ko").ToString());
        await page.Locator("#ResidentNumber").FillAsync("123");
        await page.Locator("main form button[type=submit]").ClickAsync();
        // The form posts and a new page loads; Expect waits for it where a one-off check would race it.
        await Assertions.Expect(page.Locator("[role=alert]")).ToBeVisibleAsync();
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "enrol-error");
    }

    [BrowserFact]
    public async Task The_oidc_clients_page_and_the_logout_confirmation_have_no_accessibility_violations()
    {
        await fixture.Factory.EnsureOfficialAsync(OfficialAccounts.PlatformAdministrator);
        var context = await fixture.Browser.NewContextAsync(new() { Locale = "ko-KR", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Site, "/signin?returnUrl=/officials/platform/oidc-clients").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "플랫폼 관리자(으)로 로그인" }).ClickAsync();
        await page.WaitForURLAsync("**/officials/platform/oidc-clients");
        await AssertNoAxeViolationsAsync(page);

        // Without JavaScript: register a client, see its secret once.
        await page.Locator("#clientId").FillAsync("browser-rp");
        await page.Locator("#displayName").FillAsync("브라우저 RP");
        await page.Locator("#redirectUris").FillAsync("https://browser-rp.example/cb");
        await page.Locator("input[name=scopes][value=openid]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "클라이언트 등록" }).ClickAsync();
        await Assertions.Expect(page.Locator("#client-secret")).ToBeVisibleAsync();
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "oidc-clients");

        await page.GotoAsync(new Uri(Site, "/officials/platform/oidc-clients?culture=en").ToString());
        await AssertNoAxeViolationsAsync(page);
        await page.GotoAsync(new Uri(Site, "/connect/endsession?client_id=browser-rp&culture=en").ToString());
        Assert.Contains("Confirm sign-out", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "endsession-confirm");
    }

    [BrowserFact]
    public async Task Without_javascript_the_sign_in_page_says_passkeys_need_it_and_offers_alternatives()
    {
        var context = await fixture.Browser.NewContextAsync(new() { JavaScriptEnabled = false, Locale = "ko-KR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Site, "/signin").ToString());
        Assert.Contains("JavaScript가 필요합니다", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("form[data-passkey=sign-in] button").ClickAsync();
        await Assertions.Expect(page.Locator("main [role=alert]")).ToContainTextAsync("110");
        await Assertions.Expect(page.Locator("a[href='/enrol']")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "signin-nojs");
    }

    /// <summary>Enrols the persona in a fresh browser with a virtual authenticator; ends on /my/passkeys, signed in.</summary>
    private async Task<IPage> EnrolWithPasskeyAsync(DemoPersona persona, string nickname)
    {
        var context = await fixture.Browser.NewContextAsync(new() { Locale = "ko-KR" });
        // Enrolment sends a code and creates an account: on a busy 2-core runner a step took over Playwright's 30 s default.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true,
            },
        });

        await page.GotoAsync(new Uri(Site, "/signin").ToString());
        await page.Locator("a[href='/enrol']").First.ClickAsync();
        await page.Locator("#ResidentNumber").FillAsync(persona.ResidentNumber);
        await page.Locator("#Name").FillAsync(persona.NameKo);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/enrol/verify?challenge=*");
        var challenge = Guid.Parse(new Uri(page.Url).Query.Split('=')[1]);

        await page.Locator("#Code").FillAsync(await fixture.Factory.ForChallengeAsync(challenge));
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/enrol/passkey");
        await AssertNoAxeViolationsAsync(page);

        await page.Locator("#nickname").FillAsync(nickname);
        await page.Locator("form[data-passkey=register] button").ClickAsync();
        try
        {
            await page.WaitForURLAsync("**/my/passkeys?added=1", new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            // Say what the page told the person, not only that nothing happened.
            throw new InvalidOperationException("Passkey registration did not finish: " + await page.Locator("[data-passkey-status]").InnerTextAsync());
        }

        return page;
    }
}
