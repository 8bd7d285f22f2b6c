using Microsoft.Playwright;
using Nara.Registries.Contracts;
using Nara.Testing;

using static Nara.Browser.Tests.AxeChecks;

namespace Nara.Browser.Tests;

/// <summary>The citizen's own pages: the My Nara hub, benefits, consents (withdrawn without JavaScript) and the data download.</summary>
public sealed class MyNaraBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_citizen_goes_from_my_nara_to_benefits_and_data_in_both_languages_without_accessibility_violations()
    {
        var page = await SignedInAsync(DemoPersonas.MotherOfNewborn, javaScript: true, "/my");
        await AssertNoAxeViolationsAsync(page);

        await page.Locator("a.nara-card[href='/my/benefits']").ClickAsync();
        await page.WaitForURLAsync("**/my/benefits");
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-benefits");
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/my/benefits?culture=en").ToString());
        Assert.Contains("Benefits for you", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);

        foreach (var path in new[] { "/my/data", "/my/data/download", "/my?culture=ko" })
        {
            await page.GotoAsync(new Uri(fixture.BaseAddress, path).ToString());
            await AssertNoAxeViolationsAsync(page);
        }
    }

    [BrowserFact]
    public async Task Without_javascript_a_citizen_withdraws_a_consent_in_one_step_and_reads_its_receipt()
    {
        var page = await SignedInAsync(DemoPersonas.ElderlyAlone, javaScript: false, "/my/data");
        var withdraw = page.Locator("form button[type=submit]", new() { HasTextString = "동의 철회" });
        var before = await withdraw.CountAsync();
        Assert.True(before > 0, "the persona has seeded consents to withdraw");

        await withdraw.First.ClickAsync();

        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("동의를 철회했습니다");
        Assert.Equal(before - 1, await page.Locator("form button[type=submit]", new() { HasTextString = "동의 철회" }).CountAsync());
        await AssertNoAxeViolationsAsync(page);
        await page.Locator("a[href^='/my/data/receipts/']:not([download])").First.ClickAsync();
        await page.WaitForURLAsync("**/my/data/receipts/*");
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-data-receipt");
    }

    [BrowserFact]
    public async Task Without_javascript_a_citizen_grants_consent_sees_the_access_withdraws_and_sees_the_refusal()
    {
        var page = await SignedInAsync(DemoPersonas.YoungJobseeker, javaScript: false, "/my/data");
        await page.Locator("form button[type=submit]", new() { HasTextString = "동의하기: 주민등록표 등본을" }).ClickAsync();
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("동의했습니다");
        await AssertNoAxeViolationsAsync(page);

        // Prefill goes through the exchange under that consent: the field names its exchange.
        await StartApplicationAsync(page);
        await Assertions.Expect(page.Locator(".nara-prefill-source").First).ToContainTextAsync("정보 연계");
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/my/data/access").ToString());
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("제공됨");
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-data-access");

        await page.GotoAsync(new Uri(fixture.BaseAddress, "/my/data").ToString());
        await page.Locator("form button[type=submit]", new() { HasTextString = "동의 철회: 주민등록표 등본을" }).ClickAsync();
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("동의를 철회했습니다");

        // The very next prefill is refused, the form is left to the citizen, and the refusal is on their page.
        await StartApplicationAsync(page);
        Assert.Equal(0, await page.Locator(".nara-prefill-source").CountAsync());
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/my/data/access?culture=en").ToString());
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("Asked without your consent");
        await AssertNoAxeViolationsAsync(page);
    }

    private async Task StartApplicationAsync(IPage page)
    {
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/services/parental-benefit/apply?culture=ko").ToString());
        // "신청 시작" the first time; "새로 신청하기" once a draft exists.
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(신청 시작|새로 신청하기)$") }).ClickAsync();
        await page.WaitForURLAsync("**/steps/0");
    }

    private async Task<IPage> SignedInAsync(DemoPersona persona, bool javaScript, string path)
    {
        var account = await fixture.Factory.CreateCitizenForResidentAsync(persona.ResidentNumber, persona.NameKo);
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseAddress.ToString(), Locale = "ko-KR", JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.BaseAddress, path).ToString());
        await page.Locator($"form:has(input[value='{account}']) button").ClickAsync();
        await page.WaitForURLAsync($"**{path.Split('?')[0]}");
        return page;
    }
}
