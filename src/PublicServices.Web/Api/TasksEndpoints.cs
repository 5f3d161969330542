using System.ComponentModel;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PublicServices.Platform.Tasks;
using PublicServices.Web.Features.Work;
using PublicServices.Web.Identity;
using PublicServices.Web.Localization;

namespace PublicServices.Web.Api;

/// <summary>The officials' queue over the API: same scoping (role and unit) and filters as the web pages.</summary>
public static class TasksEndpoints
{
    /// <param name="Outcome">One of the step's outcomes.</param>
    /// <param name="Comment">The reason (required by some outcomes).</param>
    /// <param name="Fields">The values of the outcome's own fields, <c>{ "diplomaNumber": "B0123456", "copies": 2 }</c>
    /// (typed JSON or text as typed). An array here is the older spelling of <paramref name="SupplementFields"/>.</param>
    /// <param name="SupplementFields">For a supplement request: the ids of the form fields the applicant must change.</param>
    public sealed record CompleteBody(
        string Outcome,
        string? Comment = null,
        [property: Description(FieldsDescription)] JsonNode? Fields = null,
        [property: Description("For a supplement request: ids of the form fields the applicant must change.")]
        IReadOnlyList<string>? SupplementFields = null);

    private const string FieldsDescription = "Values of the chosen outcome's fields: { fieldId: value }, e.g. { \"diplomaNumber\": \"B0123456\", \"copies\": 2 }. " +
        "Refused values answer 400 with errors under fields.<fieldId>. (A list of form field ids here is the older spelling of supplementFields.)";

    /// <summary>OpenAPI: <see cref="CompleteBody.Fields"/> is an object of values (or, in the older spelling, a list of field ids),
    /// which the <see cref="JsonNode"/> type alone does not say.</summary>
    public static Task DescribeBodies(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(CompleteBody) && schema.Properties?.ContainsKey("fields") == true)
            schema.Properties["fields"] = new OpenApiSchema
            {
                Description = FieldsDescription,
                OneOf =
                [
                    new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalPropertiesAllowed = true },
                    new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Deprecated = true },
                    new OpenApiSchema { Type = JsonSchemaType.Null },
                ],
            };
        return Task.CompletedTask;
    }

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
        group.MapPost("/{id:guid}/complete", CompleteAsync);
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

    /// <summary>Decides a task; refused values of the outcome's fields answer 400 with an error per field (<c>fields.&lt;id&gt;</c>).</summary>
    private static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>, ValidationProblem>> CompleteAsync(
        Guid id, CompleteBody body, HttpContext http, TaskActions actions, CancellationToken ct)
    {
        var supplement = body.SupplementFields;
        JsonObject? values = null;
        switch (body.Fields)
        {
            case null:
                break;
            case JsonObject given:
                values = given;
                break;
            case JsonArray list when supplement is null:
                supplement = list.Select(f => f?.ToString() ?? "").ToList();
                break;
            default:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["fields"] = ["`fields` là đối tượng { mãTrường: giáTrị } / `fields` is an object { fieldId: value }."],
                });
        }
        return Answer(await actions.CompleteAsync(Officials.Scope(http), id, body.Outcome, body.Comment, supplement, values, ct));
    }

    private static Results<NoContent, NotFound, Conflict<ProblemDetails>, ValidationProblem> Answer(TaskActionResult result) => result.Status switch
    {
        TaskActionStatus.Done => TypedResults.NoContent(),
        TaskActionStatus.NotFound => TypedResults.NotFound(),
        TaskActionStatus.TakenByAnother => TypedResults.Conflict(new ProblemDetails { Title = result.Message, Status = StatusCodes.Status409Conflict }),
        _ when result.FieldErrors.Count > 0 => TypedResults.ValidationProblem(
            result.FieldErrors.GroupBy(e => "fields." + e.FieldId).ToDictionary(g => g.Key, g => g.Select(e => e.Message.For(PortalCultures.Current)).ToArray()),
            detail: result.Message),
        _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = [result.Message ?? ""] }),
    };
}
