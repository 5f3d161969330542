using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PublicServices.Workflows;
using PublicServices.Workflows.Calendar;

namespace PublicServices.Platform.Engine;

public static class EngineHostingExtensions
{
    /// <summary>Persistence of the workflow engine, the outbox and the background work units (the web app hosts the loop).</summary>
    public static IServiceCollection AddEngineHosting(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = new WorkerOptions();
        configuration.GetSection("Workers").Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<LeaseClaims>();
        services.AddScoped<OutboxProcessor>();
        services.AddScoped<IBackgroundWork, OutboxWork>();
        services.AddScoped<IBackgroundWork, TimerWork>();
        services.AddSingleton<DefinitionRegistry>();
        services.AddScoped<WorkflowEngine>();
        services.AddScoped<DefinitionStartup>();
        // DefinitionStartup reads procedure settings' overrides (Workflows:Settings:…); a host registers its own configuration first.
        services.TryAddSingleton(configuration);
        services.AddScoped<SignalBroadcaster>();
        services.AddScoped<IBackgroundWork, ScheduledBroadcastWork>();
        services.AddWorkflowRuntime();
        var files = WorkflowFiles.Resolve(configuration, contentRoot);
        services.AddSingleton(files);
        services.AddSingleton<IWorkingCalendar>(_ => WorkingCalendar.LoadDirectory(files.Calendar));
        services.AddScoped<IncidentService>();
        services.AddScoped<DefinitionOverview>();
        return services;
    }
}
