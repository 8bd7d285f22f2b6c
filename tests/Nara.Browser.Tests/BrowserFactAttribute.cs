namespace Nara.Browser.Tests;

/// <summary>
/// A fact that needs the system Chromium. Without /usr/bin/chromium it is skipped with the reason shown,
/// unless NARA_TEST_BROWSER=1 (CI) says browser tests must run: then the fixture fails loudly instead.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && !Required)
        {
            Skip = $"{ChromiumPath} is missing (apt-get install -y chromium fonts-noto-cjk); set NARA_TEST_BROWSER=1 to make this a failure.";
        }
    }

    public static bool Required => Environment.GetEnvironmentVariable("NARA_TEST_BROWSER") == "1";
}
