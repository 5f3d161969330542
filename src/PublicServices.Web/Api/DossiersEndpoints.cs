using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using PublicServices.Platform.Dossiers;
using PublicServices.Web.Localization;

namespace PublicServices.Web.Api;

/// <summary>An applicant's dossiers over the API (bearer token from /api/v1/identity/login).</summary>
public static class DossiersEndpoints
{
    public sealed record SubmitRequest(string ProcedureId, JsonObject? Data, string? IdempotencyKey);

    public static RouteGroupBuilder MapDossiers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dossiers").WithTags("Dossiers")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        group.MapPost("/", SubmitAsync);
        group.MapGet("/", async (ClaimsPrincipal user, DossierQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.MineAsync(UserId(user), ct)));
        group.MapGet("/{code}", GetAsync);
        return group;
    }

    private static async Task<Results<Created<object>, Ok<object>, ValidationProblem, NotFound>> SubmitAsync(
        SubmitRequest request, ClaimsPrincipal user, HttpContext http, DossierSubmission submission, CancellationToken ct)
    {
        var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault() ?? request.IdempotencyKey ?? Guid.NewGuid().ToString("N");
        if (key.Length > 64)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["idempotencyKey"] = ["At most 64 characters."] });
        var result = await submission.SubmitAsync(UserId(user), request.ProcedureId, request.Data ?? [], key, ct);
        if (result.ProcedureNotFound)
            return TypedResults.NotFound();
        if (result.Errors.Count > 0)
            return TypedResults.ValidationProblem(result.Errors
                .GroupBy(e => e.FieldId)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message.For(PortalCultures.Current)).ToArray()));
        var body = Receipt(result.Dossier!);
        return result.AlreadySubmitted
            ? TypedResults.Ok(body)
            : TypedResults.Created($"/api/v1/dossiers/{result.Dossier!.Code}", body);
    }

    private static async Task<Results<Ok<DossierDetail>, NotFound>> GetAsync(string code, ClaimsPrincipal user, DossierQueries queries, CancellationToken ct) =>
        await queries.OwnAsync(UserId(user), code, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static object Receipt(DossierRecord dossier) => new
    {
        code = dossier.Code, status = "submitted", submittedAt = dossier.SubmittedAt, dueDate = dossier.DueDate,
    };

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
