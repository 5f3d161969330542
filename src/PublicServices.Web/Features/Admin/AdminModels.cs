using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;

namespace PublicServices.Web.Features.Admin;

public sealed record UsersModel(string? Query, OfficialSearch Result, string CurrentUserId);

/// <summary>The roles and unit fields: what is chosen and what can be chosen.</summary>
public sealed record RolesAndUnitModel(IReadOnlyList<string> Selected, string? UnitCode, IReadOnlyList<Unit> Units);

public sealed record NewUserModel(NewOfficialForm Form, IReadOnlyList<Unit> Units);

public sealed record EditUserModel(OfficialSummary Official, OfficialRolesForm Form, IReadOnlyList<Unit> Units, bool IsSelf);

public sealed record IncidentsModel(IReadOnlyList<IncidentRecord> Incidents, bool All);

public sealed record ProceduresModel(IReadOnlyList<DefinitionVersionSummary> Versions);

public sealed record NotificationsModel(PublicServices.Platform.Notifications.DeliveryFilter Filter, PublicServices.Platform.Notifications.DeliveryPage Page)
{
    /// <summary>This page's address with the same filter, on another page number.</summary>
    public string PageLink(int page) =>
        $"/admin/notifications?status={Uri.EscapeDataString(Filter.Status ?? "")}&channel={Uri.EscapeDataString(Filter.Channel ?? "")}" +
        $"&code={Uri.EscapeDataString(Filter.DossierCode ?? "")}&page={page}";
}
