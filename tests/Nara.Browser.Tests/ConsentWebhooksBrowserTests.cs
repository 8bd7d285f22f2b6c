using Microsoft.Playwright;
using Nara.Testing;

using static Nara.Browser.Tests.AxeChecks;

namespace Nara.Browser.Tests;

public sealed class ConsentWebhooksBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task An_administrator_registers_a_webhook_by_keyboard_sees_the_secret_once_rotates_it_and_sees_deliveries()
    {
        var account = await fixture.Factory.EnsureOfficialAsync(OfficialAccounts.DistrictOfficial);
        var page = await fixture.OpenAsync("/officials/consent/webhooks");
        await page.Locator($"form:has(input[value='{account}']) button").ClickAsync();
        await page.WaitForURLAsync("**/officials/consent/webhooks");
        await AssertNoAxeViolationsAsync(page);

        // Keyboard only: the address, one event, the register button.
        await TabUntilAsync(page, "document.activeElement.id === 'payloadUrl'");
        await page.Keyboard.TypeAsync("https://hooks.example.go.kr/consent");
        await TabUntilAsync(page, "document.activeElement.id === 'event-0'");
        await page.Keyboard.PressAsync("Space");
        await TabUntilAsync(page, "document.activeElement.matches('form[aria-labelledby=new-webhook] button[type=submit]')");
        await page.Keyboard.PressAsync("Enter");
        var secret = page.Locator("#webhook-secret");
        await Assertions.Expect(secret).ToBeVisibleAsync();
        var first = await secret.InputValueAsync();
        Assert.Equal(43, first.Length); // 32 bytes, base64url
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "consent-webhook-created");

        // Shown once: the list does not show it again.
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/officials/consent/webhooks").ToString());
        Assert.Equal(0, await page.Locator("#webhook-secret").CountAsync());
        Assert.DoesNotContain(first, await page.ContentAsync(), StringComparison.Ordinal);

        await TabUntilAsync(page, "document.activeElement.matches('table a[href^=\"/officials/consent/webhooks/\"]')");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/officials/consent/webhooks/*");
        await AssertNoAxeViolationsAsync(page);

        // Rotate the secret by keyboard, with the default grace period.
        await TabUntilAsync(page, "document.activeElement.id === 'graceHours'");
        Assert.Equal("24", await page.Locator("#graceHours").InputValueAsync());
        await TabUntilAsync(page, "document.activeElement.matches('form[aria-labelledby=rotate] button[type=submit]')");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#webhook-secret")).ToBeVisibleAsync();
        Assert.NotEqual(first, await page.Locator("#webhook-secret").InputValueAsync());
        await AssertNoAxeViolationsAsync(page);

        // A test event, then its delivery in the list.
        await page.GetByRole(AriaRole.Button, new() { Name = "연결 시험 알림 보내기" }).ClickAsync();
        await page.WaitForURLAsync("**?done=pinged");
        await Assertions.Expect(page.Locator("#deliveries tbody tr")).ToHaveCountAsync(1);
        Assert.Contains("연결 시험", await page.Locator("#deliveries tbody tr").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "consent-webhook-detail");

        await page.GotoAsync(page.Url.Split('?')[0] + "?culture=en");
        Assert.Contains("Recent deliveries", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        await page.GotoAsync(page.Url.Split('?')[0] + "/delete?culture=en");
        await AssertNoAxeViolationsAsync(page);
    }

    private static async Task TabUntilAsync(IPage page, string condition)
    {
        for (var i = 0; i < 120; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>(condition))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached: {condition}");
    }
}
