using System.Security.Claims;
using PublicServices.Platform.Statistics;

namespace PublicServices.Web.Features.Dashboard;

/// <summary>One path from a user and a filter to figures, shared by the page, the CSV export and the API so that they
/// can never disagree on scope or numbers.</summary>
public sealed class DashboardReports(DashboardAccess access, DossierStatistics statistics, TimeProvider clock)
{
    /// <summary>The user's scope and the figures; null when the user may not see statistics (or not for that unit).</summary>
    public async Task<(DashboardScope Scope, StatisticsReport Report)?> RunAsync(ClaimsPrincipal user, DashboardFilter filter, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(user, filter.Unit, cancellationToken) is not { } scope)
            return null;
        return (scope, await statistics.ComputeAsync(filter.ToQuery(scope, clock), cancellationToken));
    }
}
