using Microsoft.Playwright;

namespace Shopiko.Sync.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright: launched from its path (<c>SHOPIKO_CHROMIUM</c>, else <c>/usr/bin/chromium</c>),
/// never downloaded. <c>.ci/run</c> installs the <c>chromium</c> package when it is missing.
/// </summary>
internal static class Chromium
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("SHOPIKO_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {ExecutablePath}: install it (sudo apt-get install -y chromium) or set SHOPIKO_CHROMIUM. bash .ci/run installs it.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // CI runs as root in a container, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--lang=bg-BG"],
        });
        return (playwright, browser);
    }

    /// <summary>Where screenshots go: <c>artifacts/screenshots/</c> at the repository root.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(
        Path.Combine(Shopiko.Sync.Testing.TestPaths.RepositoryRoot, "artifacts", "screenshots")).FullName;
}
