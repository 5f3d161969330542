using Microsoft.Extensions.DependencyInjection;

namespace PublicServices.Workflows.Activities;

/// <summary>The one place that reaches into the container: activities themselves use constructor injection.</summary>
public sealed class ServiceProviderActivityResolver(ActivityRegistry registry, IServiceProvider services) : IActivityResolver
{
    public IActivity Resolve(string type) =>
        registry.TryGet(type, out var activity, out _)
            ? (IActivity)ActivatorUtilities.GetServiceOrCreateInstance(services, activity)
            : throw new InvalidOperationException($"Unknown step type '{type}'.");
}
