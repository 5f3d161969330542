using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PublicServices.Platform.Tasks;
using PublicServices.Web.Features.Work;
using PublicServices.Web.Identity;

namespace PublicServices.Web.Api;

/// <summary>The officials' queue over the API: same scoping (role and unit) and filters as the web pages.</summary>
public static class TasksEndpoints
{
    public sealed record CompleteBody(string Outcome, string? Comment, IReadOnlyList<string>? Fields);

    public sealed record BulkBody(IReadOnlyList<Guid>? TaskIds, QueueFilter? Filter, string Outcome, string? Comment);

    public static RouteGroupBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tasks").WithTags("Tasks")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireClaim(PortalClaims.Official, "true"));
        group.MapGet("/", async ([AsParameters] QueueFilter filter, HttpContext http, TaskQueue queue, CancellationToken ct) =>
        {
            var page = await queue.PageAsync(Officials.Scope(http), filter.ToQuery(), ct);
            return TypedResults.Ok(new { items = page.Items, next = page.Next?.ToString() });
        });
        group.MapPost("/{id:guid}/claim", async (Guid id, HttpContext http, TaskActions actions, CancellationToken ct) =>
            Answer(await actions.ClaimAsync(Officials.Scope(http), id, ct)));
        group.MapPost("/{id:guid}/release", async (Guid id, HttpContext http, TaskActions actions, CancellationToken ct) =>
            Answer(await actions.ReleaseAsync(Officials.Scope(http), id, ct)));
        group.MapPost("/{id:guid}/complete", async (Guid id, CompleteBody body, HttpContext http, TaskActions actions, CancellationToken ct) =>
            Answer(await actions.CompleteAsync(Officials.Scope(http), id, body.Outcome, body.Comment, body.Fields, ct)));
        group.MapPost("/bulk-complete", BulkAsync);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<BulkItemResult>>, ValidationProblem>> BulkAsync(
        BulkBody body, HttpContext http, TaskQueue queue, BulkCompletion bulk, CancellationToken ct)
    {
        var who = Officials.Scope(http);
        var ids = body.TaskIds ?? (body.Filter is { } filter ? await queue.IdsAsync(who, filter.ToQuery() with { After = null }, BulkCompletion.MaxTasks, ct) : []);
        if (ids.Count == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["taskIds"] = ["Give taskIds or a filter that matches tasks / Cần danh sách công việc hoặc bộ lọc."] });
        if (ids.Count > BulkCompletion.MaxTasks)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["taskIds"] = [$"At most {BulkCompletion.MaxTasks} tasks at once."] });
        return TypedResults.Ok(await bulk.RunAsync(who, ids, body.Outcome, body.Comment, null, ct));
    }

    private static Results<NoContent, NotFound, Conflict<ProblemDetails>, ValidationProblem> Answer(TaskActionResult result) => result.Status switch
    {
        TaskActionStatus.Done => TypedResults.NoContent(),
        TaskActionStatus.NotFound => TypedResults.NotFound(),
        TaskActionStatus.TakenByAnother => TypedResults.Conflict(new ProblemDetails { Title = result.Message, Status = StatusCodes.Status409Conflict }),
        _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = [result.Message ?? ""] }),
    };
}
