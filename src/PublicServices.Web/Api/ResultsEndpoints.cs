using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PublicServices.Platform.Results;
using PublicServices.Web.Hosting;

namespace PublicServices.Web.Api;

/// <summary>The public result look-up as JSON (no sign-in, rate-limited): 404 before publication and for unknown numbers.</summary>
public static class ResultsEndpoints
{
    public sealed record SubjectScoreDto(string Code, string NameVi, string NameEn, decimal Score);

    public sealed record ExamResultDto(int Exam, string CandidateNumber, IReadOnlyList<SubjectScoreDto> Scores, decimal? Record);

    public static void MapResults(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/results/{exam:int}/{candidateNumber}",
                async Task<Results<Ok<ExamResultDto>, ProblemHttpResult>> (int exam, string candidateNumber, ExamResults results, CancellationToken ct) =>
                {
                    var lookup = await results.FindAsync(exam, candidateNumber, ct);
                    return lookup switch
                    {
                        { Status: ResultLookupStatus.Found, Result: { } r } => TypedResults.Ok(new ExamResultDto(r.Exam, r.CandidateNumber,
                            r.Scores.Select(s => new SubjectScoreDto(s.Code, s.Name.Vi, s.Name.En, s.Score)).ToList(), r.Record)),
                        { Status: ResultLookupStatus.NotPublished } => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                            title: "Chưa công bố kết quả / Results are not published yet",
                            extensions: new Dictionary<string, object?> { ["publishAt"] = lookup.PublishAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, ["result"] = "not-published" }),
                        _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                            title: "Không có kết quả cho số báo danh này / No result for this candidate number", extensions: new Dictionary<string, object?> { ["result"] = "not-found" }),
                    };
                })
            .AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Results).WithTags("Results");
}
