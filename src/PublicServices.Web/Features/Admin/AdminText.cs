using Microsoft.Extensions.Localization;
using PublicServices.Platform.Identity;
using PublicServices.Web.Localization;

namespace PublicServices.Web.Features.Admin;

/// <summary>
/// Role names and account problems in the visitor's language. Each key is written out in full (no "prefix." + value)
/// so that LocalizationResourceTests can check it exists in both languages.
/// </summary>
public static class AdminText
{
    public static string Role(string role, IStringLocalizer<SharedResource> l) => role switch
    {
        Roles.Administrator => l["Admin.Role.Administrator"],
        Roles.RecognitionOfficer => l["Admin.Role.RecognitionOfficer"],
        Roles.RecognitionExpert => l["Admin.Role.RecognitionExpert"],
        Roles.RecognitionLeader => l["Admin.Role.RecognitionLeader"],
        Roles.SchoolOfficer => l["Admin.Role.SchoolOfficer"],
        Roles.DepartmentOfficer => l["Admin.Role.DepartmentOfficer"],
        Roles.CouncilOfficer => l["Admin.Role.CouncilOfficer"],
        Roles.FinanceOfficer => l["Admin.Role.FinanceOfficer"],
        // A role a procedure introduced: its technical name is all there is.
        _ => role,
    };

    public static string Channel(string channel, IStringLocalizer<SharedResource> l) => channel switch
    {
        PublicServices.Platform.Notifications.NotificationChannels.InApp => l["Admin.Notifications.Channel.InApp"],
        PublicServices.Platform.Notifications.NotificationChannels.Email => l["Admin.Notifications.Channel.Email"],
        PublicServices.Platform.Notifications.NotificationChannels.Sms => l["Admin.Notifications.Channel.Sms"],
        _ => channel,
    };

    public static string DeliveryStatus(string status, IStringLocalizer<SharedResource> l) => status switch
    {
        PublicServices.Platform.Notifications.NotificationStatus.Queued => l["Admin.Notifications.Status.Queued"],
        PublicServices.Platform.Notifications.NotificationStatus.Sent => l["Admin.Notifications.Status.Sent"],
        PublicServices.Platform.Notifications.NotificationStatus.Failed => l["Admin.Notifications.Status.Failed"],
        _ => status,
    };

    public static string Problem(AccountProblem problem, IStringLocalizer<SharedResource> l) => problem.Code switch
    {
        AccountProblemCode.RolesRequired => l["Admin.Users.Error.RolesRequired"],
        AccountProblemCode.RoleMalformed => l["Admin.Users.Error.RoleUnknown", problem.Argument ?? ""],
        AccountProblemCode.UnitRequired => l["Admin.Users.Error.UnitRequired"],
        AccountProblemCode.UnitUnknown => l["Admin.Users.Error.UnitUnknown", problem.Argument ?? ""],
        AccountProblemCode.EmailUsed => l["Admin.Users.Error.EmailUsed", problem.Argument ?? ""],
        AccountProblemCode.NotFound => l["Admin.Users.Error.NotFound"],
        AccountProblemCode.CannotDisableSelf => l["Admin.Users.Error.CannotDisableSelf"],
        AccountProblemCode.CannotDropOwnAdminRole => l["Admin.Users.Error.CannotDropOwnAdminRole"],
        // Identity's own rules arrive already localized (LocalizedIdentityErrorDescriber).
        _ => problem.Message,
    };

    /// <summary>The form field a problem is shown beside; "" for the summary only.</summary>
    public static string Field(AccountField field) => field switch
    {
        AccountField.Email => nameof(NewOfficialForm.Email),
        AccountField.FullName => nameof(NewOfficialForm.FullName),
        AccountField.Password => nameof(NewOfficialForm.Password),
        AccountField.Roles => nameof(OfficialRolesForm.Roles),
        AccountField.Unit => nameof(OfficialRolesForm.UnitCode),
        _ => "",
    };
}
