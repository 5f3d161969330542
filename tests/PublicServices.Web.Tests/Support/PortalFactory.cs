using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PublicServices.Web.Tests.Support;

/// <summary>
/// The whole portal over HTTP on a real SQLite file in a fresh temporary folder, with demo data seeded.
/// <paramref name="environment"/> "Staging" shows what production users see (no developer pages).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string environment;
    private readonly IReadOnlyDictionary<string, string?> settings;

    public PortalFactory() : this("Development") { }

    protected PortalFactory(string environment, IReadOnlyDictionary<string, string?>? settings = null)
    {
        this.environment = environment;
        this.settings = settings ?? new Dictionary<string, string?>();
    }

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "ps-web-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:DataPath", DataPath);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("RateLimits:SignInPerMinute", "10000");
        // Tests drive background work explicitly, with a controlled clock.
        builder.UseSetting("Workers:Enabled", "false");
        // Staging has no appsettings.Development.json: a demo signing certificate in the data folder (a settings entry may say otherwise).
        builder.UseSetting("Documents:Signing:GenerateDevelopmentCertificate", "true");
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
