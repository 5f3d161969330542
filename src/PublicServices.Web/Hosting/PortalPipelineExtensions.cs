using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Api;
using PublicServices.Web.Identity;

namespace PublicServices.Web.Hosting;

public static class PortalPipelineExtensions
{
    /// <summary>Brings the schema up to date (every node, safely in parallel) and seeds demo data in Development.</summary>
    public static async Task PreparePortalAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(db);
        await scope.ServiceProvider.GetRequiredService<DefinitionStartup>().LoadAsync(CancellationToken.None);
        var seedDemo = app.Configuration.GetValue("Seed:Demo", app.Environment.IsDevelopment());
        if (seedDemo && !app.Environment.IsProduction())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // Before the error handlers, so that a re-executed error page keeps the visitor's language.
        app.UseRequestLocalization();
        if (app.Environment.IsDevelopment())
            app.UseDeveloperExceptionPage();
        else
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", CreateScopeForErrors = true });
        // Pages get a localized error page; the API gets ProblemDetails, never HTML.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<TwoFactorEnforcementMiddleware>();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions());
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGroup("/api/v1/identity")
            .WithTags("Identity")
            .MapIdentityApi<ApplicationUser>()
            .RequireRateLimiting(RateLimitPolicies.SignIn);
        app.MapAdminIncidents();
        app.MapProcedures();
        app.MapDossiers();
        app.MapVerification();
        app.MapResults();
        app.MapTasks();
        app.MapPayments();
        app.MapAttachments();
        app.MapStatistics();
        app.MapControllers();
        return app;
    }
}
