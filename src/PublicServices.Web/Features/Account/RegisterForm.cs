using System.ComponentModel.DataAnnotations;

namespace PublicServices.Web.Features.Account;

/// <summary>Applicant self-registration. Messages are resource keys, localized by the data-annotations localizer.</summary>
public sealed class RegisterForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [Display(Name = "Account.FullName")]
    public string FullName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.Length")]
    [Display(Name = "Account.Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [RegularExpression(@"^(0|\+84)(3|5|7|8|9)\d{8}$", ErrorMessage = "Validation.Phone")]
    [Display(Name = "Account.Phone")]
    public string Phone { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Account.Cccd")]
    public string Cccd { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Date)]
    [Display(Name = "Account.DateOfBirth")]
    public DateOnly? DateOfBirth { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Display(Name = "Account.Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
    [Display(Name = "Account.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";
}
