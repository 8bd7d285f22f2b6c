using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nara.Testing;

namespace Nara.Browser.Tests;

/// <summary>
/// The Nara host on a real Kestrel port (a browser cannot reach the in-memory TestServer) and one headless
/// system Chromium. Browsers are never downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public NaraFactory Factory { get; } = new KestrelFactory();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.ChromiumPath))
        {
            if (BrowserFactAttribute.Required)
            {
                throw new InvalidOperationException($"NARA_TEST_BROWSER=1 but {BrowserFactAttribute.ChromiumPath} is missing: apt-get install -y chromium fonts-noto-cjk.");
            }

            return; // every test is skipped by [BrowserFact]
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await ((IAsyncLifetime)Factory).DisposeAsync();
    }

    public async Task<IPage> OpenAsync(string path, BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new() { BaseURL = BaseAddress.ToString(), Locale = "ko-KR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(BaseAddress, path).ToString());
        return page;
    }

    private sealed class KestrelFactory : NaraFactory
    {
        public KestrelFactory() => UseKestrel(0);
    }
}
