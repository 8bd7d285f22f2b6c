using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nara.Credentials;
using Nara.Registries.Contracts;
using Nara.Testing;

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
        var video = FakeCameraVideo.WriteQr(await PresentationLinkAsync());
        try
        {
            await using var camera = await FakeCameraBrowserAsync(video);
            var page = await camera.NewPageAsync();
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
    public async Task A_citizen_scans_a_verifiers_request_qr_code_with_the_wallet_and_sees_who_asks_for_what()
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        var created = await http.PostAsJsonAsync("/api/credentials/presentations", new { claims = new[] { "age_over_19" } });
        created.EnsureSuccessStatusCode();
        var link = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authorizationRequest").GetString()!;
        var video = FakeCameraVideo.WriteQr(link);
        try
        {
            await using var camera = await FakeCameraBrowserAsync(video);
            var page = await camera.NewPageAsync();
            var account = await fixture.Factory.CreateCitizenForResidentAsync(DemoPersonas.MotherOfNewborn.ResidentNumber, DemoPersonas.MotherOfNewborn.NameKo);
            await page.GotoAsync(new Uri(fixture.BaseAddress, "/my/wallet/request").ToString());
            await page.Locator($"form:has(input[value='{account}']) button").ClickAsync();
            await page.WaitForURLAsync("**/my/wallet/request");

            await page.GetByRole(AriaRole.Button, new() { Name = "카메라로 QR 읽기" }).ClickAsync();

            await Assertions.Expect(page.Locator("#request-summary")).ToContainTextAsync("나라 전자증명서 확인", new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("[data-claim=age_over_19]")).ToHaveCountAsync(1);
            await AssertNoAxeViolationsAsync(page);
        }
        finally
        {
            File.Delete(video);
        }
    }

    /// <summary>A second Chromium whose camera plays <paramref name="video"/>, allowed for the host without asking.</summary>
    private async Task<FakeCamera> FakeCameraBrowserAsync(string video)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
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
        await context.GrantPermissionsAsync(["camera"], new() { Origin = fixture.BaseAddress.GetLeftPart(UriPartial.Authority) });
        return new FakeCamera(playwright, browser, context);
    }

    private sealed class FakeCamera(IPlaywright playwright, IBrowser browser, IBrowserContext context) : IAsyncDisposable
    {
        public Task<IPage> NewPageAsync() => context.NewPageAsync();

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
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
