using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace PublicServices.Web.Tests.Support;

/// <summary>The portal with a clock the test moves forward (working-day deadlines, waits), starting on a fixed day.</summary>
public class ClockedPortalFactory : PortalFactory
{
    /// <summary>Starts on Monday 09/11/2026, 09:00 in Vietnam.</summary>
    public ClockedPortalFactory() : this(new DateTimeOffset(2026, 11, 9, 9, 0, 0, TimeSpan.FromHours(7))) { }

    protected ClockedPortalFactory(DateTimeOffset start) => Clock = new FakeTimeProvider(start);

    /// <summary>A clocked portal with extra settings (e.g. <c>Workflows:Path</c> with test procedures).</summary>
    protected ClockedPortalFactory(DateTimeOffset start, IReadOnlyDictionary<string, string?> settings) : base("Development", settings) =>
        Clock = new FakeTimeProvider(start);

    public FakeTimeProvider Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Starts on Friday 24/04/2026, 09:00 in Vietnam, just before the Hùng Kings and 30/4–1/5 holidays.</summary>
public sealed class BeforeMayHolidaysPortalFactory() : ClockedPortalFactory(new DateTimeOffset(2026, 4, 24, 9, 0, 0, TimeSpan.FromHours(7)));

/// <summary>Starts on Monday 21/12/2026: twenty working days later is in 2027, whose holidays are not loaded yet.</summary>
public sealed class YearEndPortalFactory() : ClockedPortalFactory(new DateTimeOffset(2026, 12, 21, 9, 0, 0, TimeSpan.FromHours(7)));
