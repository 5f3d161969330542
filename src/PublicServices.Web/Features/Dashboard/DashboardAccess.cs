using System.Security.Claims;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Statistics;
using PublicServices.Web.Identity;

namespace PublicServices.Web.Features.Dashboard;

/// <summary>
/// Who sees which dossiers' statistics. Administrators: every agency, or the unit they pick. Officials: their own unit
/// (claim <c>ps:unit</c>) and its direct children, or one of those. Everyone else, and an official asking for a unit
/// outside their own, gets nothing (the callers answer 403).
/// </summary>
public sealed class DashboardAccess(StatisticsUnits units)
{
    public async Task<DashboardScope?> ResolveAsync(ClaimsPrincipal user, string? requestedUnit, CancellationToken cancellationToken)
    {
        if (!user.HasClaim(PortalClaims.Official, "true"))
            return null;
        var requested = string.IsNullOrWhiteSpace(requestedUnit) ? null : requestedUnit.Trim();
        if (user.IsInRole(Roles.Administrator))
        {
            var agencies = requested is null ? null : await units.AgenciesOfAsync(requested, cancellationToken);
            return new DashboardScope(agencies, requested, await units.ListAsync(null, cancellationToken), IsAdministrator: true);
        }
        if (user.FindFirstValue(PortalClaims.Unit) is not { Length: > 0 } own)
            return null;
        var visible = await units.AgenciesOfAsync(own, cancellationToken);
        if (requested is not null && !visible.Contains(requested, StringComparer.Ordinal))
            return null;
        // A picked child unit narrows the scope; intersecting keeps it inside the official's own, whatever the tree holds.
        var scope = requested is null ? visible : (await units.AgenciesOfAsync(requested, cancellationToken)).Intersect(visible).ToList();
        return new DashboardScope(scope, requested, await units.ListAsync(visible, cancellationToken), IsAdministrator: false);
    }
}
