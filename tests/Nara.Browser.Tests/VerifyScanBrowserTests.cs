using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nara.Credentials;
using Nara.Registries.Contracts;

using static Nara.Browser.Tests.AxeChecks;

namespace Nara.Browser.Tests;

/// <summary>
/// The verifier page reads a QR code with the device's camera: Chromium's fake camera plays a video of a presentation
/// link's QR code, and the page decodes it in the browser and verifies it like a paste.
/// </summary>
public sealed class VerifyScanBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_verifier_scans_a_presentation_qr_code_with_the_camera_and_sees_only_the_disclosed_claims()
    {
        var origin = fixture.BaseAddress.GetLeftPart(UriPartial.Authority);
        var video = FakeCameraVideo.WriteQr(await PresentationLinkAsync());
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = BrowserFactAttribute.ChromiumPath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                    "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--use-file-for-fake-video-capture=" + video,
                ],
            });
            var context = await browser.NewContextAsync(new() { BaseURL = fixture.BaseAddress.ToString(), Locale = "ko-KR" });
            await context.GrantPermissionsAsync(["camera"], new() { Origin = origin });
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(fixture.BaseAddress, "/verify").ToString());

            var scan = page.GetByRole(AriaRole.Button, new() { Name = "카메라로 QR 읽기" });
            await Assertions.Expect(scan).ToBeVisibleAsync();
            await AssertNoAxeViolationsAsync(page);
            await scan.ClickAsync();

            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("확인되었습니다", new() { Timeout = 20_000 });
            var shown = await page.Locator("main").InnerTextAsync();
            Assert.Contains("이준호", shown, StringComparison.Ordinal);
            Assert.Contains("만 19세 이상", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("생년월일", shown, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoPersonas.FatherOfNewborn.ResidentNumber, shown, StringComparison.Ordinal);
            await AssertNoAxeViolationsAsync(page);
            await Screenshots.SaveAsync(page, "verify-scanned");
        }
        finally
        {
            File.Delete(video);
        }
    }

    [BrowserFact]
    public async Task Without_javascript_there_is_no_scan_button_and_a_pasted_link_is_verified()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseAddress.ToString(), Locale = "ko-KR", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(new Uri(fixture.BaseAddress, "/verify").ToString());
        Assert.False(await page.Locator("#scan").IsVisibleAsync());
        Assert.Contains("camera=(self)", (await response!.AllHeadersAsync())["permissions-policy"], StringComparison.Ordinal);

        // The paste form posts its own antiforgery token (it once did not, and every browser paste was refused with 400).
        await page.Locator("#presentation").FillAsync(await PresentationLinkAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "확인하기" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("확인되었습니다");
        Assert.Contains("이준호", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // Only verifier pages may use the camera.
        var home = await page.GotoAsync(new Uri(fixture.BaseAddress, "/").ToString());
        Assert.Contains("camera=()", (await home!.AllHeadersAsync())["permissions-policy"], StringComparison.Ordinal);
    }

    /// <summary>What a wallet's screen QR carries: a link to /verify with a fresh presentation of the name and age_over_19.</summary>
    private async Task<string> PresentationLinkAsync()
    {
        var origin = fixture.BaseAddress.GetLeftPart(UriPartial.Authority);
        using var holder = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        long residentId;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            residentId = (await scope.ServiceProvider.GetRequiredService<IResidentDirectory>()
                .FindByResidentNumberAsync(DemoPersonas.FatherOfNewborn.ResidentNumber, CancellationToken.None))!.Id;
        }

        var issued = await CredentialsTools.IssueMobileIdAsync(fixture.Factory.Services, residentId, holder, origin, CancellationToken.None);
        var presentation = CredentialsTools.Present(issued!, ["name", "age_over_19"], holder, origin + "/verify", "scan", fixture.Factory.Clock.GetUtcNow());
        return origin + "/verify?p=" + presentation;
    }
}
