using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace PublicServices.Browser.Tests;

/// <summary>
/// <see cref="BrowserPortal"/> whose clock starts on Monday 09/11/2026 09:00 (Vietnam) and then runs at the real pace.
/// Journeys that count working days get the same due dates on every run, and never reach a year whose holiday data is
/// not loaded yet. Background work is driven by the test, as in BrowserPortal.
/// </summary>
public class ClockedBrowserPortal : BrowserPortal
{
    public static readonly DateTimeOffset Start = new(2026, 11, 9, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly IReadOnlyDictionary<string, string?> settings;

    public ClockedBrowserPortal() : this(Start, new Dictionary<string, string?>()) { }

    /// <summary>A clock starting at <paramref name="start"/>, and configuration entries (e.g. a procedure's settings).</summary>
    protected ClockedBrowserPortal(DateTimeOffset start, IReadOnlyDictionary<string, string?> settings)
    {
        Clock = new RunningClock(start);
        this.settings = settings;
    }

    public RunningClock Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Real time shifted to start at a given moment: events keep their order and spacing. <see cref="JumpTo"/>
    /// moves it (forward) to another moment, from which it runs on.</summary>
    public sealed class RunningClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset origin = start.ToUniversalTime();
        private long started = System.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => origin + System.GetElapsedTime(started);

        public void JumpTo(DateTimeOffset moment)
        {
            origin = moment.ToUniversalTime();
            started = System.GetTimestamp();
        }
    }
}
