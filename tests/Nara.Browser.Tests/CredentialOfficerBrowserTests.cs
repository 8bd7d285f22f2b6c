using Microsoft.Playwright;
using Nara.Registries.Contracts;
using Nara.Testing;

using static Nara.Browser.Tests.AxeChecks;

namespace Nara.Browser.Tests;

/// <summary>The credential officers' page in a real browser without JavaScript: find a resident's credentials with a reason.</summary>
public sealed class CredentialOfficerBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Without_javascript_a_credential_officer_searches_by_resident_with_a_reason_and_the_page_passes_axe()
    {
        var account = await fixture.Factory.CreateOfficialAsync("MOIS", "credential-officer", "증명서 담당");
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseAddress.ToString(), Locale = "ko-KR", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/officials/credentials").ToString());
        await page.Locator($"form:has(input[value='{account}']) button").ClickAsync();
        await page.WaitForURLAsync("**/officials/credentials");
        await AssertNoAxeViolationsAsync(page);

        await page.GetByLabel("주민등록번호").FillAsync(DemoPersonas.FatherOfNewborn.ResidentNumber);
        await page.GetByLabel("조회 사유 (필수)").FillAsync("창구 방문 민원 확인");
        await page.GetByRole(AriaRole.Button, new() { Name = "주민의 증명서 찾기" }).ClickAsync();

        await Assertions.Expect(page.Locator("#search-result")).ToBeVisibleAsync();
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "officials-credentials-search");
    }
}
