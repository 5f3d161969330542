using System.ComponentModel.DataAnnotations;

namespace PublicServices.Web.Features.Admin;

/// <summary>Roles and unit: what an administrator edits on an existing account. Names match the form fields.</summary>
public class OfficialRolesForm
{
    public List<string> Roles { get; set; } = [];

    public string? UnitCode { get; set; }
}

/// <summary>A new official or administrator. Messages are resource keys, localized by the data-annotations localizer.</summary>
public sealed class NewOfficialForm : OfficialRolesForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.Length")]
    [Display(Name = "Admin.Users.Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [Display(Name = "Admin.Users.FullName")]
    public string FullName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Display(Name = "Admin.Users.TemporaryPassword")]
    public string Password { get; set; } = "";
}
