using System.Reflection;

namespace PublicServices.Web.Tests.Foundation;

/// <summary>Dependencies point inward: Web → Platform → Workflows, and the engine knows nothing of ASP.NET or EF Core.</summary>
public sealed class DependencyDirectionTests
{
    private static readonly Assembly Workflows = typeof(PublicServices.Workflows.Definitions.WorkflowDefinition).Assembly;
    private static readonly Assembly Platform = typeof(PublicServices.Platform.Persistence.AppDbContext).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    private static IReadOnlyList<string> References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

    [Fact]
    public void Should_keep_the_engine_free_of_aspnet_ef_and_the_outer_layers()
    {
        var references = References(Workflows);

        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Npgsql", StringComparison.Ordinal));
        Assert.DoesNotContain(Platform.GetName().Name, references);
        Assert.DoesNotContain(Web.GetName().Name, references);
    }

    [Fact]
    public void Should_let_platform_use_the_engine_but_not_the_web_app()
    {
        var references = References(Platform);

        Assert.Contains(Workflows.GetName().Name, references);
        Assert.DoesNotContain(Web.GetName().Name, references);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_compose_everything_in_the_web_app()
    {
        var references = References(Web);

        Assert.Contains(Platform.GetName().Name, references);
    }
}
