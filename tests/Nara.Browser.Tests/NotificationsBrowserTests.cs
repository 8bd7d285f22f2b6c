using System.Security.Cryptography;
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
    public async Task Registering_for_push_asks_for_permission_and_registers_the_subscribed_device()
    {
        var account = await fixture.Factory.CreateCitizenAsync("푸시시민");
        var page = await SignInAsync(account, "/settings/notifications");
        await page.Context.GrantPermissionsAsync(["notifications"]);
        // This machine is offline, so Chromium's own subscribe() cannot reach a push service: the page gets
        // the subscription a browser would hand it, with a real P-256 key, and the rest runs as it is.
        var token = $"browser-{Guid.NewGuid():N}";
        await StubPushAsync(page, $"{{ endpoint: 'https://fcm.googleapis.com/fcm/send/{token}', expirationTime: null, keys: {{ p256dh: '{PublicKey()}', auth: '{Base64Url(RandomNumberGenerator.GetBytes(16))}' }} }}");
        Assert.Equal(0, await page.Locator("#push ~ ul li").CountAsync());

        await page.Locator("#nara-push-subscribe").ClickAsync();

        await page.WaitForURLAsync("**/settings/notifications?done=device-added*", new() { Timeout = 30_000 });
        Assert.Equal(1, await page.Locator("#push ~ ul li").CountAsync());
        await Screenshots.SaveAsync(page, "push-subscribe");
        await AssertNoAxeViolationsAsync(page);
    }

    [BrowserFact]
    public async Task When_the_push_service_cannot_be_reached_the_page_says_so_plainly_and_registers_nothing()
    {
        var account = await fixture.Factory.CreateCitizenAsync("푸시실패");
        var page = await SignInAsync(account, "/settings/notifications");
        await page.Context.GrantPermissionsAsync(["notifications"]);
        await StubPushAsync(page, null);

        var button = page.Locator("#nara-push-subscribe");
        await Assertions.Expect(button).ToBeVisibleAsync();
        Assert.False(await page.Locator(".nara-push-nojs").IsVisibleAsync());
        await button.ClickAsync();

        var status = page.Locator("#nara-push-status");
        await Assertions.Expect(status).ToContainTextAsync("푸시 서비스에 연결하지 못해", new() { Timeout = 30_000 });
        Assert.Contains("AbortError", await status.InnerTextAsync(), StringComparison.Ordinal);
        await page.ReloadAsync();
        Assert.Equal(0, await page.Locator("#push ~ ul li").CountAsync());
        await AssertNoAxeViolationsAsync(page);
    }

    /// <summary>
    /// Replaces the browser's permission prompt and PushManager.subscribe before the page's script runs:
    /// subscribe resolves to <paramref name="subscription"/> (a JSON-like object literal), or fails with
    /// AbortError as Chromium's does when its push service cannot be reached.
    /// </summary>
    private static async Task StubPushAsync(IPage page, string? subscription)
    {
        var outcome = subscription is null
            ? "Promise.reject(new DOMException('Registration failed - push service error', 'AbortError'))"
            : $"Promise.resolve({{ toJSON: () => ({subscription}) }})";
        await page.Context.AddInitScriptAsync($$"""
            Notification.requestPermission = () => Promise.resolve('granted');
            PushManager.prototype.getSubscription = () => Promise.resolve(null);
            PushManager.prototype.subscribe = () => {{outcome}};
            """);
        await page.ReloadAsync();
    }

    private static string PublicKey()
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = key.ExportParameters(false).Q;
        return Base64Url([0x04, .. q.X!, .. q.Y!]);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

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
