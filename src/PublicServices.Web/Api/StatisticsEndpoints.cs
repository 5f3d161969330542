using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Statistics;
using PublicServices.Web.Features.Dashboard;
using PublicServices.Web.Localization;

namespace PublicServices.Web.Api;

/// <summary>
/// The dashboard's figures as JSON for officials and administrators (bearer token), with the page's scope rules:
/// an official sees their unit and its direct children, an administrator every unit; anyone else gets 403.
/// </summary>
public static class StatisticsEndpoints
{
    public sealed record ProcedureFigures(string ProcedureId, string Title, StatisticsFigures Figures);

    /// <param name="Unit">The unit picked, null for every unit the caller may see.</param>
    /// <param name="CalendarDaysUsed">Some processing times are in calendar days: a year missing from the holiday data.</param>
    public sealed record StatisticsResponse(
        string? Unit, string? Procedure, DateOnly From, DateOnly To, StatisticsFigures Total,
        IReadOnlyList<WeekStatistics> Weeks, IReadOnlyList<ProcedureFigures> Procedures, bool CalendarDaysUsed);

    public static RouteGroupBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/statistics").WithTags("Statistics")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        group.MapGet("/", GetAsync);
        return group;
    }

    private static async Task<Results<Ok<StatisticsResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string? unit, string? procedure, DateOnly? from, DateOnly? to, ClaimsPrincipal user, DashboardReports reports,
        DefinitionRegistry definitions, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var filter = new DashboardFilter { Unit = unit, Procedure = procedure, From = from, To = to };
        if (filter.IsTooLong(clock))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = [l["Dashboard.RangeTooLong", DashboardFilter.MaxDays]] });
        if (await reports.RunAsync(user, filter, ct) is not { } result)
            return TypedResults.Problem(title: l["Error.Forbidden.Title"], statusCode: StatusCodes.Status403Forbidden);
        var report = result.Report;
        var lang = PortalCultures.Current;
        return TypedResults.Ok(new StatisticsResponse(
            result.Scope.Unit, report.Query.ProcedureId, report.Query.From, report.Query.To, report.Total, report.Weeks,
            report.Procedures.Select(p => new ProcedureFigures(p.ProcedureId, definitions.Latest(p.ProcedureId)?.Title.For(lang) ?? p.ProcedureId, p.Figures)).ToList(),
            report.CalendarDaysUsed));
    }
}
