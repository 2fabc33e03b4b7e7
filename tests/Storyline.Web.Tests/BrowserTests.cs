using Microsoft.Playwright;

namespace Storyline.Web.Tests;

/// <summary>
/// A real browser (Debian's headless Chromium, driven by Playwright): the front page, a story with j and o, an article
/// with j and o, a reaction whose count changes without a page load, and no console error or dialog on the way (the
/// hostile article is the newest story, so its page is the one visited). With STORYLINE_SCREENSHOTS=DIR set it also
/// writes the seed story's page at 1280 and 360 px wide (docs/).
/// </summary>
public sealed class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>The browser, or null when it is missing outside CI (in CI a missing browser fails the test).</summary>
    private static string? BrowserPath()
    {
        if (File.Exists(Chromium))
        {
            return Chromium;
        }

        Assert.False(
            string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
            $"{Chromium} is missing: apt-get install -y chromium (.ci/run installs it)");
        return null;
    }

    [Fact]
    public async Task ReaderGoesToAStoryWithKeysAndReacts()
    {
        if (BrowserPath() is not { } path)
        {
            return;
        }

        await using var site = await TestSite.StartAsync();
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = path, Headless = true, Args = ["--no-sandbox"] });
            var page = await browser.NewPageAsync();

            // Generous: a loaded 2-core machine; only a failing run waits this long.
            page.SetDefaultTimeout(120_000);
            page.SetDefaultNavigationTimeout(120_000);
            var problems = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    problems.Add($"console {message.Type}: {message.Text} at {message.Location}");
                }
            };
            page.PageError += (_, error) => problems.Add("page error: " + error);
            page.Dialog += async (_, dialog) =>
            {
                problems.Add("dialog: " + dialog.Message);
                await dialog.DismissAsync();
            };

            await page.GotoAsync(site.Address + "/");
            await OpenFirstWithKeysAsync(page, new System.Text.RegularExpressions.Regex("/stories/[0-9]+$"));
            await OpenFirstWithKeysAsync(page, new System.Text.RegularExpressions.Regex("/articles/"));

            var wow = page.Locator(".reactions .count[data-reaction=wow]");
            await Assertions.Expect(wow).ToHaveTextAsync("0");
            var url = page.Url;
            await page.ClickAsync(".reactions button[value=wow]");
            await Assertions.Expect(wow).ToHaveTextAsync("1", new() { Timeout = 120_000 });
            await Assertions.Expect(page.Locator(".reactions button[value=wow]")).ToHaveAttributeAsync("aria-pressed", "true");
            Assert.Equal(url, page.Url); // counted by the script, not by a page load

            await page.Keyboard.PressAsync("?");
            await Assertions.Expect(page.Locator("#help")).ToBeVisibleAsync();
            Assert.Empty(problems);
            await ScreenshotsAsync(browser, site);
        }
        finally
        {
            TestSite.Delete(site.Database);
        }
    }

    /// <summary>j selects the first item of the page, o opens it.</summary>
    private static async Task OpenFirstWithKeysAsync(IPage page, System.Text.RegularExpressions.Regex next)
    {
        await Assertions.Expect(page.Locator("html[data-keys=on]")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(page.Locator("[data-item].selected")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("o");
        await Assertions.Expect(page).ToHaveURLAsync(next);
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private static async Task ScreenshotsAsync(IBrowser browser, TestSite site)
    {
        if (Environment.GetEnvironmentVariable("STORYLINE_SCREENSHOTS") is not { Length: > 0 } directory)
        {
            return;
        }

        foreach (var (width, name) in new[] { (1280, "story-1280.png"), (360, "story-360.png") })
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = width > 400 ? 900 : 780 } });
            await page.GotoAsync(site.Address + "/?person=Elon%20Musk");
            await page.ClickAsync("li.story a.open");
            await page.WaitForURLAsync("**/stories/*");
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, name), FullPage = false });
        }
    }
}
