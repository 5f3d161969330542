using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Identity;

/// <summary>
/// Creating officials and administrators: never self-registered. Used by the CLI (<c>publicservices users add</c>)
/// and the administration pages. Every validation error is returned, nothing is created on error.
/// </summary>
public sealed class OfficialAccounts(AppDbContext db, UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> CreateAsync(string email, string password, string fullName,
        IReadOnlyList<string> roleNames, string? unitCode, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        if (roleNames.Count == 0)
            errors.Add("At least one role is required / Cần ít nhất một vai trò.");
        foreach (var role in roleNames.Where(r => !Roles.IsWellFormed(r)))
            errors.Add($"Role '{role}' is not a kebab-case name / Tên vai trò '{role}' không hợp lệ.");
        var isOfficial = roleNames.Any(r => r != Roles.Administrator);
        if (isOfficial && string.IsNullOrWhiteSpace(unitCode))
            errors.Add("An official needs a unit (--unit) / Cán bộ phải thuộc một đơn vị (--unit).");
        if (unitCode is not null && !await db.Units.AnyAsync(u => u.Code == unitCode, cancellationToken))
            errors.Add($"Unknown unit '{unitCode}' / Không có đơn vị '{unitCode}'.");
        if (await users.FindByEmailAsync(email) is not null)
            errors.Add($"E-mail {email} is already used / E-mail {email} đã được sử dụng.");
        if (errors.Count > 0)
            return errors;

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = fullName,
            IsOfficial = true, UnitCode = unitCode, CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return created.Errors.Select(e => e.Description).ToList();
        foreach (var role in roleNames.Distinct())
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded)
                return added.Errors.Select(e => e.Description).ToList();
        }
        await tx.CommitAsync(cancellationToken);
        return [];
    }

    public async Task<IReadOnlyList<(ApplicationUser User, IList<string> Roles)>> ListAsync(CancellationToken cancellationToken = default)
    {
        var officials = await db.Users.Where(u => u.IsOfficial).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var result = new List<(ApplicationUser, IList<string>)>();
        foreach (var user in officials)
            result.Add((user, await users.GetRolesAsync(user)));
        return result;
    }
}
