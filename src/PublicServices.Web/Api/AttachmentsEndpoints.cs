using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Storage;
using PublicServices.Web.Localization;

namespace PublicServices.Web.Api;

/// <summary>Uploads for file fields (then named by id in a dossier's data) and downloads, for their owner only.</summary>
public static class AttachmentsEndpoints
{
    public static RouteGroupBuilder MapAttachments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/attachments").WithTags("Attachments")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        // Bearer-token only: no cookie can ride along, so there is no cross-site request to forge.
        group.MapPost("/", UploadAsync).DisableAntiforgery();
        group.MapGet("/{id:guid}", DownloadAsync);
        return group;
    }

    private static async Task<Results<Created<object>, ValidationProblem>> UploadAsync(
        IFormFile file, ClaimsPrincipal user, AttachmentService attachments, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var (attachment, error) = await attachments.UploadAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, file.FileName, stream, ct);
        if (error is not null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [error.For(PortalCultures.Current)] });
        return TypedResults.Created($"/api/v1/attachments/{attachment!.Id}", (object)new
        {
            id = attachment.Id, fileName = attachment.FileName, size = attachment.Size, contentType = attachment.ContentType,
            width = attachment.Width, height = attachment.Height,
        });
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(
        Guid id, ClaimsPrincipal user, AppDbContext db, IFileStorage storage, HttpContext http, CancellationToken ct)
    {
        var owner = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.OwnerId == owner, ct);
        if (attachment is null || await storage.OpenReadAsync(attachment.StorageKey, ct) is not { } content)
            return TypedResults.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, attachment.ContentType, attachment.FileName);
    }
}
