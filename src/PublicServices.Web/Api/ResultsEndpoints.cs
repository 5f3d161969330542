using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PublicServices.Platform.Results;
using PublicServices.Web.Hosting;

namespace PublicServices.Web.Api;

/// <summary>The public result look-up as JSON (no sign-in, rate-limited): 404 before publication and for unknown numbers.</summary>
public static class ResultsEndpoints
{
    /// <summary>A paper's score; <c>remarked</c> with <c>scoreBefore</c> (the published score) when a re-marking changed it.</summary>
    public sealed record SubjectScoreDto(string Code, string NameVi, string NameEn, decimal Score, bool Remarked, decimal? ScoreBefore);

    /// <summary>What a re-marking that changed a score recomputed: the graduation score and status (null when not graded).</summary>
    public sealed record RemarkingDto(string NoteVi, string NoteEn, decimal? GraduationScore, bool? Graduated);

    /// <summary><c>remarked</c>: a re-marking changed this result (then <c>remarking</c> says what it recomputed).</summary>
    public sealed record ExamResultDto(int Exam, string CandidateNumber, IReadOnlyList<SubjectScoreDto> Scores, decimal? Record, bool Remarked,
        RemarkingDto? Remarking);

    private static ExamResultDto Dto(ExamResult r) => new(r.Exam, r.CandidateNumber,
        r.Scores.Select(s => new SubjectScoreDto(s.Code, s.Name.Vi, s.Name.En, s.Score, s.Remarked, s.Before)).ToList(), r.Record, r.Remarked,
        r.Remarking is { } m ? new RemarkingDto(ExamResult.RemarkedNote.Vi, ExamResult.RemarkedNote.En, m.GraduationScore, m.Graduated) : null);

    public static void MapResults(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/results/{exam:int}/{candidateNumber}",
                async Task<Results<Ok<ExamResultDto>, ProblemHttpResult>> (int exam, string candidateNumber, ExamResults results, CancellationToken ct) =>
                {
                    var lookup = await results.FindAsync(exam, candidateNumber, ct);
                    return lookup switch
                    {
                        { Status: ResultLookupStatus.Found, Result: { } r } => TypedResults.Ok(Dto(r)),
                        { Status: ResultLookupStatus.NotPublished } => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                            title: "Chưa công bố kết quả / Results are not published yet",
                            extensions: new Dictionary<string, object?> { ["publishAt"] = lookup.PublishAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, ["result"] = "not-published" }),
                        _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                            title: "Không có kết quả cho số báo danh này / No result for this candidate number", extensions: new Dictionary<string, object?> { ["result"] = "not-found" }),
                    };
                })
            .AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Results).WithTags("Results");
}
