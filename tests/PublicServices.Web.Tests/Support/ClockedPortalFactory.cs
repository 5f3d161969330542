using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace PublicServices.Web.Tests.Support;

/// <summary>The portal with a clock the test moves (working-day deadlines, waits), starting on a fixed working day.</summary>
public sealed class ClockedPortalFactory : PortalFactory
{
    /// <summary>Monday 09/11/2026, 09:00 in Vietnam.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 9, 9, 0, 0, TimeSpan.FromHours(7)));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
