using Microsoft.Playwright;
using Nara.Kernel.Pdf;
using Nara.Registries.Contracts;
using Nara.Testing;

using static Nara.Browser.Tests.AxeChecks;

namespace Nara.Browser.Tests;

/// <summary>The citizen's web wallet in a real browser: get the mobile ID, present chosen claims or print them, and /verify accepts it.</summary>
public sealed class WalletBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Without_javascript_a_citizen_gets_the_mobile_id_presents_two_claims_and_the_verify_page_accepts_them()
    {
        var page = await SignedInAsync(DemoPersonas.FatherOfNewborn, javaScript: false, "/my/wallet");
        await AssertNoAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "모바일 신분증 받기" }).ClickAsync();
        await page.WaitForURLAsync("**/my/wallet/*?done=added");
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("지갑에 넣었습니다");
        await AssertNoAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "제시하기" }).ClickAsync();
        await page.WaitForURLAsync("**/present");
        // KRDS draws the box on the label, so a person clicks the label; the input stays the keyboard's focus target.
        await page.Locator("label[for=claim-name]").ClickAsync();
        await page.Locator("label[for=claim-age_over_19]").ClickAsync();
        Assert.True(await page.GetByLabel("이름", new() { Exact = true }).IsCheckedAsync());
        Assert.True(await page.GetByLabel("만 19세 이상").IsCheckedAsync());
        Assert.False(await page.GetByLabel("생년월일").IsCheckedAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "제시 QR 만들기" }).ClickAsync();
        await Assertions.Expect(page.Locator("#presentation-result")).ToContainTextAsync("제시할 준비가 되었습니다");
        Assert.True(await page.Locator("img.nara-wallet-qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR image rendered");
        await AssertNoAxeViolationsAsync(page);
        var link = await page.Locator("#presentation-text").InputValueAsync();

        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("확인되었습니다");
        var shown = await page.Locator("main").InnerTextAsync();
        Assert.Contains("이준호", shown, StringComparison.Ordinal);
        Assert.Contains("만 19세 이상", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("생년월일", shown, StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "wallet-verified");
    }

    [BrowserFact]
    public async Task A_citizen_downloads_the_mobile_id_as_a_pdf_and_the_link_its_qr_carries_opens_as_verified_on_the_verify_page()
    {
        Assert.True(KoreanFonts.SystemHasFont, "No Korean font to draw the PDF with: apt-get install -y fonts-noto-cjk.");
        var page = await SignedInAsync(DemoPersonas.FatherOfNewborn, javaScript: false, "/my/wallet");
        await page.GetByRole(AriaRole.Button, new() { Name = "모바일 신분증 받기" }).ClickAsync();
        await page.WaitForURLAsync("**/my/wallet/*?done=added");

        // The print form ticks the date of birth by default; the citizen adds "19 or older" and leaves the address out.
        Assert.True(await page.Locator("#print-birthdate").IsCheckedAsync());
        await page.Locator("label[for=print-age_over_19]").ClickAsync();
        Assert.True(await page.Locator("#print-age_over_19").IsCheckedAsync());
        Assert.False(await page.Locator("#print-address").IsCheckedAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "PDF 받기" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        string reference;
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes))
        {
            reference = pdf.Information.Subject!;
        }

        var (link, _) = CertificateQr.Decode(bytes);
        Assert.StartsWith(new Uri(fixture.BaseAddress, "/verify?p=").ToString(), link, StringComparison.Ordinal);

        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("확인되었습니다");
        var shown = await page.Locator("main").InnerTextAsync();
        Assert.Contains("이준호", shown, StringComparison.Ordinal);
        Assert.Contains("1991-03-02", shown, StringComparison.Ordinal);
        Assert.Contains("만 19세 이상", shown, StringComparison.Ordinal);
        Assert.Contains(reference, shown, StringComparison.Ordinal); // the screen names the paper it checked
        Assert.DoesNotContain("주소", shown, StringComparison.Ordinal); // not ticked: neither printed nor in the QR
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "wallet-pdf-verified");
    }

    [BrowserFact]
    public async Task With_javascript_the_wallet_registers_its_service_worker_and_passes_the_accessibility_check_in_English()
    {
        var page = await SignedInAsync(DemoPersonas.SingleParent, javaScript: true, "/my/wallet");
        var scope = await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).scope");
        Assert.EndsWith("/my/wallet", scope, StringComparison.Ordinal);

        await page.GotoAsync(new Uri(fixture.BaseAddress, "/my/wallet?culture=en").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My wallet");
        await AssertNoAxeViolationsAsync(page);
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
