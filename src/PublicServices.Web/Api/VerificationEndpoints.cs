using Microsoft.AspNetCore.Http.HttpResults;
using PublicServices.Platform.Documents.Issuing;
using PublicServices.Web.Hosting;

namespace PublicServices.Web.Api;

/// <summary>The public document check as JSON (no sign-in, rate-limited): what /verify/{code} shows.</summary>
public static class VerificationEndpoints
{
    public static void MapVerification(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/verify/{code}", async Task<Results<Ok<DocumentVerification>, NotFound>> (string code, IssuedDocuments documents, CancellationToken ct) =>
                await documents.VerifyAsync(code, ct) is { } verification ? TypedResults.Ok(verification) : TypedResults.NotFound())
            .AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Verify).WithTags("Verification");
}
