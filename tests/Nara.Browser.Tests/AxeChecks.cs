using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Nara.Browser.Tests;

/// <summary>The accessibility check every browser test runs: axe-core with the WCAG 2.2 AA rules.</summary>
internal static class AxeChecks
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    // Generous for a 2-core CI machine, but a stuck check must fail the test, never hang the whole run.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static async Task AssertNoAxeViolationsAsync(IPage page)
    {
        var result = await RunAsync(page).WaitAsync(Limit);
        var report = string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        Assert.True(result.Violations.Length == 0, $"{page.Url}\n{report}");
    }

    private static async Task<AxeResult> RunAsync(IPage page)
    {
        if (await ScriptsRunAsync(page))
        {
            return await page.RunAxe(Options());
        }

        // axe-core is a script, so a page opened with JavaScript switched off cannot run it (the call never
        // returns). Check the very same markup instead: a JavaScript-enabled page at the same address is served
        // the HTML the no-script page received, while its stylesheets and images still come from the server.
        var html = await page.ContentAsync();
        var context = await page.Context.Browser!.NewContextAsync(new() { Locale = "ko-KR" });
        try
        {
            var twin = await context.NewPageAsync();
            await twin.RouteAsync(page.Url, route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
            await twin.GotoAsync(page.Url);
            return await twin.RunAxe(Options());
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    // With scripts off, Playwright can still evaluate an expression but timers never fire, and axe-core waits on
    // them; a timer that does not fire within a moment tells.
    private static async Task<bool> ScriptsRunAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<bool>("() => new Promise(resolve => setTimeout(() => resolve(true), 0))").WaitAsync(TimeSpan.FromSeconds(3));
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static AxeRunOptions Options() => new() { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } };
}
