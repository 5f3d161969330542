using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace PublicServices.Browser.Tests;

/// <summary>
/// <see cref="BrowserPortal"/> whose clock starts on Monday 09/11/2026 09:00 (Vietnam) and then runs at the real pace.
/// Journeys that count working days get the same due dates on every run, and never reach a year whose holiday data is
/// not loaded yet (the portal refuses such a deadline). Background work is driven by the test, as in BrowserPortal.
/// </summary>
public sealed class ClockedBrowserPortal : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 9, 9, 0, 0, TimeSpan.FromHours(7));

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:DataPath", Path.Combine(Path.GetTempPath(), "ps-browser-tests", Guid.NewGuid().ToString("N")));
        builder.UseSetting("Workers:Enabled", "false");
        builder.UseSetting("RateLimits:SignInPerMinute", "10000");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new RunningClock(Start)));
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

    /// <summary>Real time shifted to start at <paramref name="start"/>: events keep their order and spacing.</summary>
    private sealed class RunningClock(DateTimeOffset start) : TimeProvider
    {
        private readonly long started = System.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + System.GetElapsedTime(started);
    }
}
