using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Identity;

/// <summary>The rules on an official's roles and unit, shared by creating an account and editing it.</summary>
internal static class OfficialRules
{
    public static async Task<List<AccountProblem>> CheckRolesAndUnitAsync(AppDbContext db, IReadOnlyList<string> roleNames, string? unitCode,
        CancellationToken cancellationToken)
    {
        var problems = new List<AccountProblem>();
        if (roleNames.Count == 0)
            problems.Add(new(AccountField.Roles, AccountProblemCode.RolesRequired, "At least one role is required / Cần ít nhất một vai trò."));
        foreach (var role in roleNames.Where(r => !Roles.IsWellFormed(r)))
            problems.Add(new(AccountField.Roles, AccountProblemCode.RoleMalformed,
                $"Role '{role}' is not a kebab-case name / Tên vai trò '{role}' không hợp lệ.", role));
        // An administrator alone needs no unit; anyone who works on dossiers does, since tasks are scoped to a unit.
        var isOfficial = roleNames.Any(r => r != Roles.Administrator);
        if (isOfficial && unitCode is null)
            problems.Add(new(AccountField.Unit, AccountProblemCode.UnitRequired, "An official needs a unit (--unit) / Cán bộ phải thuộc một đơn vị (--unit)."));
        if (unitCode is not null && !await db.Units.AnyAsync(u => u.Code == unitCode, cancellationToken))
            problems.Add(new(AccountField.Unit, AccountProblemCode.UnitUnknown, $"Unknown unit '{unitCode}' / Không có đơn vị '{unitCode}'.", unitCode));
        return problems;
    }

    /// <summary>Blank means "no unit" (a form's empty choice, a missing CLI option).</summary>
    public static string? NormalizeUnit(string? unitCode) => string.IsNullOrWhiteSpace(unitCode) ? null : unitCode.Trim();

    /// <summary>Roles are data (procedures name them), so one that does not exist yet is created on first use.</summary>
    public static async Task<IReadOnlyList<AccountProblem>> AddToRolesAsync(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles,
        ApplicationUser user, IEnumerable<string> roleNames)
    {
        foreach (var role in roleNames)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded)
                return IdentityProblems(added, AccountField.Roles);
        }
        return [];
    }

    public static IReadOnlyList<AccountProblem> IdentityProblems(IdentityResult result, AccountField field) =>
        result.Errors.Select(e => new AccountProblem(field, AccountProblemCode.Identity, e.Description)).ToList();
}
