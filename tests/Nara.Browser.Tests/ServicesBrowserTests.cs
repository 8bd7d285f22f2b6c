using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

using static Nara.Browser.Tests.AxeChecks;

namespace Nara.Browser.Tests;

public sealed class ServicesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{

    [BrowserFact]
    public async Task Searching_with_a_typo_then_opening_the_service_works_by_keyboard_and_passes_axe()
    {
        var page = await fixture.OpenAsync("/services");
        await AssertNoAxeViolationsAsync(page);

        await page.Locator("#q").FocusAsync();
        await page.Keyboard.TypeAsync("기초연굼");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/services?q=*");
        Assert.Contains("1", await page.Locator(".nara-result-count").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "services-search-ko");

        // Tab from the search box until the first result link has focus, then follow it with Enter.
        var reached = false;
        for (var i = 0; i < 80 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<string?>("document.activeElement.getAttribute('href')") == "/services/basic-pension";
        }

        Assert.True(reached, "the first result must be reachable with Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/services/basic-pension");
        Assert.Equal("기초연금", await page.Locator("h1").InnerTextAsync());
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "service-basic-pension-ko");
    }

    [BrowserFact]
    public async Task Browsing_by_agency_and_a_service_page_in_english_pass_axe()
    {
        var page = await fixture.OpenAsync("/services?agency=NTS&culture=en");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.True(await page.Locator("a[href='/services/business-registration']").IsVisibleAsync());
        await AssertNoAxeViolationsAsync(page);

        await page.GotoAsync(new Uri(fixture.BaseAddress, "/services/youth-rent-support").ToString());
        Assert.True(await page.Locator("a[href='/services/youth-rent-support/apply']").IsVisibleAsync());
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "service-youth-rent-en");

        await page.GotoAsync(new Uri(fixture.BaseAddress, "/services/no-such-service").ToString());
        await AssertNoAxeViolationsAsync(page);
    }

    [BrowserFact]
    public async Task Without_javascript_search_and_filters_work()
    {
        var context = await fixture.Browser.NewContextAsync(new() { JavaScriptEnabled = false, Locale = "ko-KR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/services").ToString());
        await page.Locator("#q").FillAsync("청년 월세");
        await page.Locator("#q").PressAsync("Enter");
        await page.WaitForURLAsync("**/services?q=*");
        await Assertions.Expect(page.Locator("a[href='/services/youth-rent-support']")).ToBeVisibleAsync();

        await page.Locator(".nara-browse a[href*='category=housing']").ClickAsync();
        await page.WaitForURLAsync("**category=housing*");
        Assert.Contains("q=", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("a[href='/services/youth-rent-support']")).ToBeVisibleAsync();
    }
}
