using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PublicServices.Platform.Documents.Issuing;
using PublicServices.Web.Features.Verify;
using PublicServices.Platform.Dossiers;
using PublicServices.Web.Localization;

namespace PublicServices.Web.Api;

/// <summary>An applicant's dossiers over the API (bearer token from /api/v1/identity/login).</summary>
public static class DossiersEndpoints
{
    /// <param name="Declaration">The applicant accepts the declaration (truthfulness and consent to processing, the
    /// text at <c>GET /api/v1/procedures/{id}</c> → declaration); required.</param>
    /// <param name="From">For a procedure with <c>startsFrom:</c>: the code of the caller's dossier it starts from (required there).</param>
    public sealed record SubmitRequest(string ProcedureId, JsonObject? Data, string? IdempotencyKey, bool Declaration, string? From = null);

    public sealed record AmendmentBody(JsonObject? Data);

    public sealed record WithdrawalBody(string? Reason);

    public static RouteGroupBuilder MapDossiers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dossiers").WithTags("Dossiers")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        group.MapPost("/", SubmitAsync);
        group.MapGet("/", async (ClaimsPrincipal user, DossierQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.MineAsync(UserId(user), ct)));
        group.MapGet("/{code}", GetAsync);
        group.MapPost("/{code}/amendments", AmendAsync);
        group.MapPut("/{code}/form", EditAsync);
        group.MapPost("/{code}/withdrawal", WithdrawAsync);
        group.MapGet("/{code}/documents/{id:guid}", DocumentAsync);
        return group;
    }

    private static async Task<Results<Created<object>, Ok<object>, ValidationProblem, Conflict<ProblemDetails>, NotFound, NotFound<ProblemDetails>>> SubmitAsync(
        SubmitRequest request, ClaimsPrincipal user, HttpContext http, DossierSubmission submission, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault() ?? request.IdempotencyKey ?? Guid.NewGuid().ToString("N");
        if (key.Length > 64)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["idempotencyKey"] = ["At most 64 characters."] });
        if (!request.Declaration)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["declaration"] = [l["Applications.Declaration.Required"]] });
        var result = await submission.SubmitAsync(UserId(user), request.ProcedureId, request.Data ?? [], key, DeclarationText.Current(l), ct, request.From);
        if (result.ProcedureNotFound)
            return TypedResults.NotFound();
        if (result.Origin is { Problem: OriginProblem.NotFound, Message: { } missing })
            return TypedResults.NotFound(new ProblemDetails { Title = missing.For(PortalCultures.Current), Status = StatusCodes.Status404NotFound });
        if (result.Origin is { Allowed: false, Message: { } refused })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = [refused.For(PortalCultures.Current)] });
        if (result.Refusal is { } refusal)
            return TypedResults.Conflict(new ProblemDetails
            {
                Title = refusal.For(PortalCultures.Current), Status = StatusCodes.Status409Conflict, Type = result.RefusalKind,
            });
        if (result.Errors.Count > 0)
            return Invalid(result.Errors);
        var body = Receipt(result.Dossier!);
        return result.AlreadySubmitted
            ? TypedResults.Ok(body)
            : TypedResults.Created($"/api/v1/dossiers/{result.Dossier!.Code}", body);
    }

    private static async Task<Results<Ok<DossierDetail>, NotFound>> GetAsync(string code, ClaimsPrincipal user, DossierQueries queries, CancellationToken ct) =>
        await queries.OwnAsync(UserId(user), code, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    /// <summary>The PDF of a document issued for the caller's dossier (ids are listed in the dossier's <c>documents</c>).</summary>
    private static async Task<Results<FileStreamHttpResult, NotFound>> DocumentAsync(
        string code, Guid id, ClaimsPrincipal user, IssuedDocuments documents, CancellationToken ct)
    {
        var document = await documents.OwnedAsync(id, UserId(user), ct);
        if (document is null || document.DossierCode != code || await documents.OpenAsync(document, ct) is not { } pdf)
            return TypedResults.NotFound();
        return TypedResults.File(pdf, "application/pdf", DocumentFiles.Name(document));
    }

    /// <summary>Resubmits the fields an official asked to change: 200 with the due date, 400 per field, 409 when no
    /// supplement is being asked for, 404 when the dossier is not the caller's.</summary>
    private static async Task<Results<Ok<object>, ValidationProblem, Conflict<ProblemDetails>, NotFound>> AmendAsync(
        string code, AmendmentBody body, ClaimsPrincipal user, DossierAmendment amendment, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await amendment.ResubmitAsync(UserId(user), code, body.Data ?? [], ct);
        if (result.DossierNotFound)
            return TypedResults.NotFound();
        if (result.NothingToAmend)
            return TypedResults.Conflict(new ProblemDetails { Title = l["Dossiers.NothingToAmend"], Status = StatusCodes.Status409Conflict });
        if (!result.Accepted)
            return Invalid(result.Errors);
        return TypedResults.Ok<object>(new { code, status = "resubmitted", dueDate = result.DueDate });
    }

    /// <summary>Replaces the submitted start form with <c>data</c> (the whole form, as at submission) while the procedure's
    /// <c>edits:</c> allow it: 200, 400 per field (nothing changed), 409 when edits are closed or the dossier moved on, 404 when
    /// the dossier is not the caller's.</summary>
    private static async Task<Results<Ok<object>, ValidationProblem, Conflict<ProblemDetails>, NotFound>> EditAsync(
        string code, AmendmentBody body, ClaimsPrincipal user, DossierEdit edit, CancellationToken ct)
    {
        var result = await edit.EditAsync(UserId(user), code, body.Data ?? [], ct);
        if (result.DossierNotFound)
            return TypedResults.NotFound();
        if (result.Refusal is { } refusal)
            return TypedResults.Conflict(new ProblemDetails { Title = refusal.For(PortalCultures.Current), Status = StatusCodes.Status409Conflict });
        if (!result.Accepted)
            return Invalid(result.Errors);
        return TypedResults.Ok<object>(new { code, status = "edited" });
    }

    private static async Task<Results<Ok<object>, Conflict<ProblemDetails>, NotFound>> WithdrawAsync(
        string code, WithdrawalBody? body, ClaimsPrincipal user, DossierWithdrawal withdrawal, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await withdrawal.WithdrawAsync(UserId(user), code, body?.Reason, ct) switch
        {
            WithdrawalOutcome.NotFound => TypedResults.NotFound(),
            WithdrawalOutcome.AlreadyDecided => TypedResults.Conflict(new ProblemDetails { Title = l["Dossiers.CannotWithdraw"], Status = StatusCodes.Status409Conflict }),
            _ => TypedResults.Ok<object>(new { code, status = DossierWithdrawal.Result }),
        };

    private static ValidationProblem Invalid(IEnumerable<Platform.Forms.FieldError> errors) =>
        TypedResults.ValidationProblem(errors
            .GroupBy(e => e.FieldId)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message.For(PortalCultures.Current)).ToArray()));

    private static object Receipt(DossierRecord dossier) => new
    {
        code = dossier.Code, status = "submitted", submittedAt = dossier.SubmittedAt, dueDate = dossier.DueDate,
    };

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
