using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nara.Notifications.Contracts;
using Nara.Testing;

using static Nara.Browser.Tests.AxeChecks;

namespace Nara.Browser.Tests;

public sealed class NotificationsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task The_inbox_message_and_settings_pages_pass_axe_and_work_by_keyboard()
    {
        var account = await fixture.Factory.CreateCitizenAsync("정알림");
        await SendAsync(account, "건강검진 대상 안내");
        var page = await SignInAsync(account, "/inbox");

        await Assertions.Expect(page.Locator(".nara-inbox-link")).ToContainTextAsync("1", new() { Timeout = 15_000 });
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "inbox-ko");

        // Keyboard only: tab to the message, open it, tab to "archive", press it.
        await TabUntilAsync(page, "document.activeElement.closest('.nara-inbox-list a') !== null");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/inbox/*");
        Assert.Contains("건강검진 대상 안내 본문입니다.", await page.Locator(".nara-message-body").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        await TabUntilAsync(page, "document.activeElement.matches('form button[type=submit]') && document.activeElement.closest('.nara-actions') !== null");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/inbox");
        Assert.Equal(0, await page.Locator(".nara-inbox-list a").CountAsync());

        await page.GotoAsync(new Uri(fixture.BaseAddress, "/inbox?view=archived&culture=en").ToString());
        Assert.Equal(1, await page.Locator(".nara-inbox-list a").CountAsync());
        await AssertNoAxeViolationsAsync(page);

        await page.GotoAsync(new Uri(fixture.BaseAddress, "/settings/notifications").ToString());
        await AssertNoAxeViolationsAsync(page);
        await TabUntilAsync(page, "document.activeElement.id === 'ch-benefits-push'");
        await page.Keyboard.PressAsync("Space");
        await TabUntilAsync(page, "document.activeElement.matches('.nara-settings button[type=submit]')");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/settings/notifications?done=saved");
        Assert.True(await page.Locator("#ch-benefits-push").IsCheckedAsync());
        await Screenshots.SaveAsync(page, "notification-settings-ko");
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/settings/notifications?culture=en").ToString());
        await AssertNoAxeViolationsAsync(page);
    }

    [BrowserFact]
    public async Task Registering_for_push_asks_for_permission_and_either_registers_the_device_or_says_plainly_why_not()
    {
        var account = await fixture.Factory.CreateCitizenAsync("푸시시민");
        var page = await SignInAsync(account, "/settings/notifications");
        await page.Context.GrantPermissionsAsync(["notifications"]);

        var button = page.Locator("#nara-push-subscribe");
        await Assertions.Expect(button).ToBeVisibleAsync();
        Assert.False(await page.Locator(".nara-push-nojs").IsVisibleAsync());
        await button.ClickAsync();

        // This machine is offline: Chromium's subscribe() cannot reach its push service, so the page must
        // report the failure in words. With a network it registers the device and lists it.
        var status = page.Locator("#nara-push-status");
        await page.WaitForFunctionAsync(
            "() => location.search.includes('device-added') || /푸시 서비스에 연결하지 못해|알림 권한이/.test(document.getElementById('nara-push-status')?.textContent ?? '')",
            null,
            new() { Timeout = 30_000 });
        if (page.Url.Contains("device-added", StringComparison.Ordinal))
        {
            Assert.Equal(1, await page.Locator("#push ~ ul li").CountAsync());
        }
        else
        {
            Assert.Contains("푸시 서비스에 연결하지 못해", await status.InnerTextAsync(), StringComparison.Ordinal);
        }

        await Screenshots.SaveAsync(page, "push-subscribe");
        await AssertNoAxeViolationsAsync(page);
    }

    [BrowserFact]
    public async Task Without_javascript_the_settings_page_explains_push_and_still_saves()
    {
        var account = await fixture.Factory.CreateCitizenAsync("무스크립트");
        var context = await fixture.Browser.NewContextAsync(new() { JavaScriptEnabled = false, Locale = "ko-KR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/settings/notifications").ToString());
        await page.Locator($"form:has(input[value='{account}']) button").ClickAsync();
        await page.WaitForURLAsync("**/settings/notifications");

        Assert.True(await page.Locator(".nara-push-nojs").IsVisibleAsync());
        Assert.False(await page.Locator("#nara-push-subscribe").IsVisibleAsync());
        await page.Locator("label[for='quiet']").ClickAsync();
        await page.Locator(".nara-settings button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/settings/notifications?done=saved");
        Assert.True(await page.Locator("#quiet").IsCheckedAsync());
    }

    private async Task<IPage> SignInAsync(Guid account, string path)
    {
        var page = await fixture.OpenAsync(path);
        await page.Locator($"form:has(input[value='{account}']) button").ClickAsync();
        await page.WaitForURLAsync($"**{path}");
        return page;
    }

    private async Task SendAsync(Guid account, string title)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<INotificationSender>().SendAsync(
            new NotificationRequested("govstack.email", new NotificationRecipient(account), new Dictionary<string, string> { ["title"] = title, ["content"] = $"{title} 본문입니다." }, NotificationKinds.Benefits, Guid.NewGuid().ToString("N")),
            CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
    }

    private static async Task TabUntilAsync(IPage page, string condition)
    {
        for (var i = 0; i < 80; i++)
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
