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
    public async Task<IReadOnlyList<AccountProblem>> CreateAsync(string email, string password, string fullName,
        IReadOnlyList<string> roleNames, string? unitCode, CancellationToken cancellationToken = default)
    {
        unitCode = OfficialRules.NormalizeUnit(unitCode);
        var problems = await CheckAsync(email, password, roleNames, unitCode, cancellationToken);
        if (problems.Count > 0)
            return problems;

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = fullName,
            IsOfficial = true, UnitCode = unitCode, CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return created.Errors.Select(e => new AccountProblem(
                e.Code.StartsWith("Password", StringComparison.Ordinal) ? AccountField.Password : AccountField.Email,
                AccountProblemCode.Identity, e.Description)).ToList();
        var added = await OfficialRules.AddToRolesAsync(users, roles, user, roleNames.Distinct());
        if (added.Count > 0)
            return added;
        await tx.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>
    /// What <see cref="CreateAsync"/> would refuse, without creating anything: a page calls it when its own field
    /// checks already failed, so that every problem is shown at once.
    /// </summary>
    public async Task<List<AccountProblem>> CheckAsync(string email, string password, IReadOnlyList<string> roleNames, string? unitCode,
        CancellationToken cancellationToken = default)
    {
        var problems = await OfficialRules.CheckRolesAndUnitAsync(db, roleNames, OfficialRules.NormalizeUnit(unitCode), cancellationToken);
        if (!string.IsNullOrWhiteSpace(email) && await users.FindByEmailAsync(email) is not null)
            problems.Add(new(AccountField.Email, AccountProblemCode.EmailUsed, $"E-mail {email} is already used / E-mail {email} đã được sử dụng.", email));
        // Identity checks the password only after the user name, so it is checked here too to report both together.
        var candidate = new ApplicationUser { UserName = email, Email = email };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, password);
            problems.AddRange(OfficialRules.IdentityProblems(result, AccountField.Password));
        }
        return problems;
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
