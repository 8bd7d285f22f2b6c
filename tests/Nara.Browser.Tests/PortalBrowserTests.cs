using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Nara.Testing;

using static Nara.Browser.Tests.AxeChecks;

namespace Nara.Browser.Tests;

public sealed class PortalBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{

    [BrowserFact]
    public async Task The_home_page_in_korean_has_no_accessibility_violations()
    {
        var page = await fixture.OpenAsync("/");
        Assert.Equal("ko", await page.GetAttributeAsync("html", "lang"));
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "home-ko");
    }

    [BrowserFact]
    public async Task The_home_page_in_english_has_no_accessibility_violations()
    {
        var page = await fixture.OpenAsync("/?culture=en");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "home-en");
    }

    [BrowserFact]
    public async Task Tab_reaches_the_skip_link_first_then_the_search_box_and_the_skip_link_moves_focus_to_main()
    {
        var page = await fixture.OpenAsync("/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("#container", await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        Assert.True(await page.Locator("#krds-skip-link a").IsVisibleAsync(), "the focused skip link must be visible");

        var reached = false;
        for (var i = 0; i < 40 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<string?>("document.activeElement.id") == "q";
        }

        Assert.True(reached, "tabbing on from the skip link must reach the search box");

        var fresh = await fixture.OpenAsync("/");
        await fresh.Keyboard.PressAsync("Tab");
        await fresh.Keyboard.PressAsync("Enter");
        Assert.Equal("container", await fresh.EvaluateAsync<string?>("document.activeElement.id"));
    }

    [BrowserFact]
    public async Task Without_javascript_the_menu_search_life_events_and_language_switch_work()
    {
        var context = await fixture.Browser.NewContextAsync(new() { JavaScriptEnabled = false, Locale = "ko-KR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/").ToString());
        Assert.Equal("no-js", await page.GetAttributeAsync("html", "class"));
        Assert.True(await page.Locator("nav.krds-main-menu a[href='/services']").IsVisibleAsync());
        Assert.True(await page.Locator("#q").IsVisibleAsync());
        Assert.Equal(8, await page.Locator(".nara-cards a.nara-card").CountAsync());

        await page.Locator(".krds-language summary").ClickAsync();
        await page.Locator("a[hreflang='en']").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.Locator("#q").FillAsync("passport");
        await page.Locator("#q").PressAsync("Enter");
        await page.WaitForURLAsync("**/services?q=passport*");
        await Screenshots.SaveAsync(page, "services-nojs-en");
    }

    [BrowserFact]
    public async Task The_registry_browser_after_demo_sign_in_has_no_accessibility_violations()
    {
        await fixture.Factory.EnsureOfficialAsync(OfficialAccounts.DistrictOfficial);
        var page = await fixture.OpenAsync("/officials/registries");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        await page.Locator("form:has(input[name='accountId']) button").First.ClickAsync();
        await page.WaitForURLAsync("**/officials/registries");
        await AssertNoAxeViolationsAsync(page);

        await page.GotoAsync(new Uri(fixture.BaseAddress, "/officials/registries/residents?division=1100000000").ToString());
        await AssertNoAxeViolationsAsync(page);
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/officials/registries/divisions").ToString());
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "registries-divisions");
    }

    [BrowserFact]
    public async Task Screenshots_of_high_contrast_and_mobile_width_render()
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "ko-KR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/").ToString());
        await Screenshots.SaveAsync(page, "home-mobile-ko");
        await AssertNoAxeViolationsAsync(page);

        var desktop = await fixture.OpenAsync("/");
        await desktop.Locator("details.nara-drop:has(.ico-view-mode) summary").ClickAsync();
        await desktop.Locator("button[value='high-contrast']").ClickAsync();
        Assert.Equal("high-contrast", await desktop.GetAttributeAsync("html", "data-krds-mode"));
        await AssertNoAxeViolationsAsync(desktop);
        await Screenshots.SaveAsync(desktop, "home-high-contrast");
    }
}

internal static class Screenshots
{
    /// <summary>Full-page PNGs under the test output folder (or NARA_SCREENSHOTS) for a person to look at.</summary>
    public static Task SaveAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("NARA_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
