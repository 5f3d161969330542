using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PublicServices.Platform.Results;
using PublicServices.Web.Hosting;

namespace PublicServices.Web.Features.Results;

/// <summary>
/// The public result look-up (no sign-in, rate-limited per address with <c>RateLimits:ResultsPerMinute</c>): a candidate
/// number shows that candidate's scores once the exam's results are published, and nothing else about the person.
/// Before the publication time the page says the results are not published yet (404).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.Results)]
public sealed class ResultsController(ExamResults results, TimeProvider clock) : Controller
{
    [HttpGet("/results")]
    public async Task<IActionResult> Index(int? exam, string? number, CancellationToken ct)
    {
        var year = exam ?? clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).Year;
        if (string.IsNullOrWhiteSpace(number))
            return View(new ResultsPageModel(year, null, null));
        var lookup = await results.FindAsync(year, number, ct);
        if (lookup.Status != ResultLookupStatus.Found)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return View(new ResultsPageModel(year, number.Trim(), lookup));
    }
}

public sealed record ResultsPageModel(int Exam, string? Number, ResultLookup? Lookup);
