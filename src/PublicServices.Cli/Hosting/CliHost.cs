using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublicServices.Platform;

namespace PublicServices.Cli.Hosting;

/// <summary>
/// The same configuration as the web app: appsettings.json and environment variables (Database__Provider,
/// ConnectionStrings__Default, Database__DataPath). Run from the repository root in development, the CLI uses the
/// web app's folder as its content root so both see the same SQLite file.
/// </summary>
public static class CliHost
{
    public static ServiceProvider Build()
    {
        var contentRoot = Directory.Exists(Path.Combine("src", "PublicServices.Web"))
            ? Path.GetFullPath(Path.Combine("src", "PublicServices.Web"))
            : Directory.GetCurrentDirectory();
        var configuration = new ConfigurationBuilder()
            .SetBasePath(contentRoot)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddPlatform(configuration, contentRoot);
        services.AddPlatformIdentityCore();
        services.AddDataProtection();
        return services.BuildServiceProvider();
    }
}
