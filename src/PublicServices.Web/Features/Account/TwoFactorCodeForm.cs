using System.ComponentModel.DataAnnotations;

namespace PublicServices.Web.Features.Account;

/// <summary>A 6-digit code from the authenticator app (sign-in or setup).</summary>
public sealed class TwoFactorCodeForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Validation.TotpCode")]
    [Display(Name = "Account.TotpCode")]
    public string Code { get; set; } = "";

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }

    /// <summary>Shown on the setup page: the key to type into the app and the otpauth URI drawn as a QR code.</summary>
    public string? SharedKey { get; set; }

    public string? QrSvg { get; set; }
}
