using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Nara.Registries.Contracts;
using Nara.Testing;

using static Nara.Browser.Tests.AxeChecks;

namespace Nara.Browser.Tests;

public sealed class ApplicationBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_citizen_applies_for_parental_benefit_with_prefilled_fields_and_an_error_fixed_on_the_way()
    {
        var account = await fixture.Factory.CreateCitizenForResidentAsync(DemoPersonas.MotherOfNewborn.ResidentNumber, DemoPersonas.MotherOfNewborn.NameKo);
        var page = await fixture.OpenAsync("/services/parental-benefit/apply");
        await page.Locator($"form:has(input[value='{account}']) button").ClickAsync();
        await page.WaitForURLAsync("**/services/parental-benefit/apply");
        await AssertNoAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "신청 시작" }).ClickAsync();
        await page.WaitForURLAsync("**/steps/0");
        Assert.Contains("주민등록 전산정보(행정안전부)에서 가져옴", await page.Locator(".nara-prefill-source").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#f-phone").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "저장하고 다음" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await AssertNoAxeViolationsAsync(page);
        await page.Locator("#error-summary a").First.ClickAsync();
        await page.Locator("#f-phone").FillAsync("010-1234-5678");
        await page.Keyboard.PressAsync("Enter");
        // The error summary's link left "#f-phone" on the URL; the browser carries it across the redirect.
        await page.WaitForURLAsync("**/steps/1**");

        await page.Locator("#f-childName").FillAsync("이하린");
        await page.Locator("#f-childBirthDate").FillAsync("2026-02-20");
        // KRDS draws its own radio: the label takes the click, as it does for a person.
        await page.Locator("label[for='f-inDaycare-1']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "저장하고 다음" }).ClickAsync();
        await page.WaitForURLAsync("**/steps/2**");
        await page.Locator("label[for='f-bank-first']").ClickAsync();
        await page.Locator("#f-account").FillAsync("123456-01-123456");
        await page.GetByRole(AriaRole.Button, new() { Name = "저장하고 다음" }).ClickAsync();
        await page.WaitForURLAsync("**/review**");
        await AssertNoAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "신청서 제출" }).ClickAsync();
        await page.WaitForURLAsync("**/my/applications/*");
        Assert.Contains("신청을 접수했습니다", await page.ContentAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
    }
}
