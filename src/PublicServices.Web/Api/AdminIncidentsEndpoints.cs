using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;

namespace PublicServices.Web.Api;

/// <summary>Administrators: open incidents of the engine and the outbox, and retrying one.</summary>
public static class AdminIncidentsEndpoints
{
    public static RouteGroupBuilder MapAdminIncidents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/incidents")
            .WithTags("Administration")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Administrator));
        group.MapGet("/", ListAsync);
        group.MapPost("/{id:guid}/retry", RetryAsync);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<IncidentRecord>>> ListAsync(IncidentService incidents, bool? all, int? max, CancellationToken ct) =>
        TypedResults.Ok(await incidents.ListAsync(all ?? false, max ?? 100, ct));

    private static async Task<Results<NoContent, NotFound, Conflict<string>>> RetryAsync(
        Guid id, IncidentService incidents, ClaimsPrincipal user, CancellationToken ct) =>
        await incidents.RetryAsync(id, user.Identity!.Name!, ct) switch
        {
            RetryOutcome.Retried => TypedResults.NoContent(),
            RetryOutcome.NotFound => TypedResults.NotFound(),
            RetryOutcome.AlreadyResolved => TypedResults.Conflict("The incident is already resolved / Sự cố đã được xử lý."),
            _ => TypedResults.Conflict("This incident cannot be retried automatically / Sự cố này không thể chạy lại tự động."),
        };
}
