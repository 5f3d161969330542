using Microsoft.AspNetCore.Identity;

namespace PublicServices.Platform.Identity;

/// <summary>
/// An account: an applicant (self-registered) or an official / administrator (created by an administrator,
/// holding roles and one unit). Identity's own columns hold e-mail, phone, password hash and 2FA state.
/// </summary>
public sealed class ApplicationUser : IdentityUser
{
    public string FullName { get; set; } = "";

    /// <summary>12-digit citizen ID (CCCD); validated by structure at registration.</summary>
    public string? Cccd { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    /// <summary>The unit an official works in (school, provincial department, recognition centre); null for applicants.</summary>
    public string? UnitCode { get; set; }

    public bool IsOfficial { get; set; }

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
