using Microsoft.Extensions.DependencyInjection;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Workflows;

public static class WorkflowsServiceExtensions
{
    /// <summary>
    /// The runtime and the built-in activities (stateless singletons with constructor injection). The host registers an
    /// <see cref="Calendar.IWorkingCalendar"/>; <paramref name="extend"/> adds step types of its own, one line each.
    /// </summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services, Action<ActivityRegistry>? extend = null)
    {
        var registry = ActivityRegistry.BuiltIn();
        extend?.Invoke(registry);
        services.AddSingleton(registry);
        foreach (var name in registry.Names)
            if (registry.TryGet(name, out var activity, out _))
                services.AddSingleton(activity);
        services.AddSingleton<DueDates>();
        services.AddSingleton<IActivityResolver, ServiceProviderActivityResolver>();
        services.AddSingleton<WorkflowRunner>();
        return services;
    }
}
