using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PublicServices.Platform.Engine;

public static class EngineHostingExtensions
{
    /// <summary>Persistence of the workflow engine, the outbox and the background work units (the web app hosts the loop).</summary>
    public static IServiceCollection AddEngineHosting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new WorkerOptions();
        configuration.GetSection("Workers").Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<LeaseClaims>();
        services.AddScoped<OutboxProcessor>();
        services.AddScoped<IBackgroundWork, OutboxWork>();
        services.AddScoped<IncidentService>();
        return services;
    }
}
