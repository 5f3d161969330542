using PublicServices.Platform.Identity;

namespace PublicServices.Web.Features.Dashboard;

/// <summary>
/// What one user's dashboard covers: the agencies whose dossiers are counted (null = every agency, administrators only),
/// the unit picked in the filter (null = everything the user may see) and the units the picker offers.
/// </summary>
public sealed record DashboardScope(IReadOnlyList<string>? Agencies, string? Unit, IReadOnlyList<Unit> Units, bool IsAdministrator);
