using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace PublicServices.Browser.Tests;

/// <summary>
/// The portal on a real Kestrel port (loopback) with a fresh SQLite file, and Debian's Chromium driven by Playwright
/// (no browser download is possible here: <c>/usr/bin/chromium</c> is installed by scripts/test.sh).
/// </summary>
public class BrowserPortal : WebApplicationFactory<Program>, IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:DataPath", Path.Combine(Path.GetTempPath(), "ps-browser-tests", Guid.NewGuid().ToString("N")));
        builder.UseSetting("Workers:Enabled", "false");
        builder.UseSetting("RateLimits:SignInPerMinute", "10000");
    }

    public async Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        await DisposeAsync();
    }
}
