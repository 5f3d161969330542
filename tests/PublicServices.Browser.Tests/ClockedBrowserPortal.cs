using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace PublicServices.Browser.Tests;

/// <summary>
/// <see cref="BrowserPortal"/> whose clock starts on Monday 09/11/2026 09:00 (Vietnam) and then runs at the real pace.
/// Journeys that count working days get the same due dates on every run, and never reach a year whose holiday data is
/// not loaded yet. Background work is driven by the test, as in BrowserPortal.
/// </summary>
public sealed class ClockedBrowserPortal : BrowserPortal
{
    public static readonly DateTimeOffset Start = new(2026, 11, 9, 9, 0, 0, TimeSpan.FromHours(7));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new RunningClock(Start)));
    }

    /// <summary>Real time shifted to start at <paramref name="start"/>: events keep their order and spacing.</summary>
    private sealed class RunningClock(DateTimeOffset start) : TimeProvider
    {
        private readonly long started = System.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + System.GetElapsedTime(started);
    }
}
