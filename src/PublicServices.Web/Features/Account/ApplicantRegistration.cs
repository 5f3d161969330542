using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Localization;

namespace PublicServices.Web.Features.Account;

/// <summary>
/// Creates an applicant account after checks that need the database or the CCCD rules; returns (field, message)
/// errors and creates nothing when there is any.
/// </summary>
public sealed class ApplicantRegistration(UserManager<ApplicationUser> users, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>Expects a form whose field rules (including the CCCD structure) already passed.</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> RegisterAsync(RegisterForm form)
    {
        var errors = new List<(string, string)>();
        var cccd = form.Cccd.Trim();
        if (await users.FindByEmailAsync(form.Email) is not null)
            errors.Add((nameof(form.Email), l["Identity.DuplicateEmail", form.Email]));
        if (errors.Count > 0)
            return errors;

        await using var tx = await db.Database.BeginTransactionAsync();
        var user = new ApplicationUser
        {
            UserName = form.Email,
            Email = form.Email,
            FullName = form.FullName.Trim(),
            PhoneNumber = form.Phone,
            Cccd = cccd,
            DateOfBirth = form.DateOfBirth,
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, form.Password);
        if (!result.Succeeded)
            return result.Errors.Select(e => (e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(form.Password) : nameof(form.Email), e.Description)).ToList();
        await tx.CommitAsync();
        return [];
    }
}
