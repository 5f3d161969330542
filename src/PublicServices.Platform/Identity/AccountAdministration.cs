using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Platform.Identity;

/// <summary>
/// Administrators' work on existing officials and administrators: search, roles and unit, disabling and enabling.
/// Applicants are out of reach here: every method only finds accounts marked <see cref="ApplicationUser.IsOfficial"/>
/// (set on every account <see cref="OfficialAccounts"/> or the demo seeder creates, administrators included).
/// </summary>
public sealed class AccountAdministration(AppDbContext db, UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles)
{
    public const int PageSize = 100;

    /// <summary>Officials whose e-mail or full name contains <paramref name="term"/> (any case), by e-mail; two queries in all.</summary>
    public async Task<OfficialSearch> SearchAsync(string? term, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking().Where(u => u.IsOfficial);
        if (!string.IsNullOrWhiteSpace(term))
        {
            var text = term.Trim();
            var upper = text.ToUpperInvariant();
            var lower = text.ToLowerInvariant();
            // SQLite's lower() folds ASCII letters only ("Đ" stays "Đ"), so the name as typed is tried as well.
            query = query.Where(u => u.NormalizedEmail!.Contains(upper) || u.FullName.Contains(text) || u.FullName.ToLower().Contains(lower));
        }
        var rows = await SummariesAsync(query.OrderBy(u => u.Email).Take(PageSize + 1), cancellationToken);
        return new OfficialSearch(rows.Take(PageSize).ToList(), rows.Count > PageSize);
    }

    public async Task<OfficialSummary?> FindAsync(string userId, CancellationToken cancellationToken) =>
        (await SummariesAsync(db.Users.AsNoTracking().Where(u => u.IsOfficial && u.Id == userId), cancellationToken)).SingleOrDefault();

    /// <summary>
    /// Replaces the roles and unit. The security stamp changes so that sessions holding the old roles end: roles are
    /// claims in the cookie and the bearer token, and keeping a removed role until they expire would be a hole.
    /// </summary>
    public async Task<IReadOnlyList<AccountProblem>> UpdateAsync(string userId, IReadOnlyList<string> roleNames, string? unitCode, string actorId,
        CancellationToken cancellationToken)
    {
        unitCode = OfficialRules.NormalizeUnit(unitCode);
        var user = await FindTrackedAsync(userId, cancellationToken);
        if (user is null)
            return [NotFound(userId)];
        var problems = await OfficialRules.CheckRolesAndUnitAsync(db, roleNames, unitCode, cancellationToken);
        // Without this an administrator could lock every administrator out, themselves last.
        if (userId == actorId && !roleNames.Contains(Roles.Administrator))
            problems.Add(new(AccountField.Roles, AccountProblemCode.CannotDropOwnAdminRole,
                "You cannot remove your own administrator role / Không thể tự bỏ vai trò quản trị của chính mình."));
        if (problems.Count > 0)
            return problems;

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await users.GetRolesAsync(user);
        var removed = current.Except(roleNames).ToList();
        if (removed.Count > 0 && await users.RemoveFromRolesAsync(user, removed) is { Succeeded: false } failed)
            return OfficialRules.IdentityProblems(failed, AccountField.Roles);
        var added = await OfficialRules.AddToRolesAsync(users, roles, user, roleNames.Distinct().Except(current));
        if (added.Count > 0)
            return added;
        user.UnitCode = unitCode;
        if (await users.UpdateSecurityStampAsync(user) is { Succeeded: false } stamped)
            return OfficialRules.IdentityProblems(stamped, AccountField.Account);
        await tx.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>
    /// Disables (or enables) an account. Disabled means: <see cref="ApplicationUser.IsDisabled"/> for the pages, a lockout
    /// without end so that every Identity sign-in path (cookie, bearer, second factor) refuses it, and a new security
    /// stamp so that existing sessions stop at their next request. Enabling lifts the lockout and its failure count.
    /// </summary>
    public async Task<IReadOnlyList<AccountProblem>> SetDisabledAsync(string userId, bool disabled, string actorId, CancellationToken cancellationToken)
    {
        var user = await FindTrackedAsync(userId, cancellationToken);
        if (user is null)
            return [NotFound(userId)];
        if (disabled && userId == actorId)
            return [new(AccountField.Account, AccountProblemCode.CannotDisableSelf, "You cannot disable your own account / Không thể tự vô hiệu hóa tài khoản của mình.")];

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        user.IsDisabled = disabled;
        var results = new List<IdentityResult>();
        if (disabled)
        {
            results.Add(await users.SetLockoutEnabledAsync(user, true));
            results.Add(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        }
        else
        {
            results.Add(await users.SetLockoutEndDateAsync(user, null));
            results.Add(await users.ResetAccessFailedCountAsync(user));
        }
        results.Add(await users.UpdateSecurityStampAsync(user));
        if (results.FirstOrDefault(r => !r.Succeeded) is { } failed)
            return OfficialRules.IdentityProblems(failed, AccountField.Account);
        await tx.CommitAsync(cancellationToken);
        return [];
    }

    private Task<ApplicationUser?> FindTrackedAsync(string userId, CancellationToken cancellationToken) =>
        db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.IsOfficial, cancellationToken);

    private static AccountProblem NotFound(string userId) =>
        new(AccountField.Account, AccountProblemCode.NotFound, $"No official with id {userId} / Không có cán bộ mã {userId}.", userId);

    /// <summary>The users of <paramref name="query"/> with their unit (one join) and their roles (one more query, not one per user).</summary>
    private async Task<List<OfficialSummary>> SummariesAsync(IQueryable<ApplicationUser> query, CancellationToken cancellationToken)
    {
        var rows = await (
            from u in query
            join unit in db.Units on u.UnitCode equals unit.Code into units
            from unit in units.DefaultIfEmpty()
            select new { u.Id, u.Email, u.FullName, u.UnitCode, NameVi = (string?)unit.NameVi, NameEn = (string?)unit.NameEn, u.TwoFactorEnabled, u.IsDisabled })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var roleRows = await (
            from ur in db.UserRoles
            join role in db.Roles on ur.RoleId equals role.Id
            where ids.Contains(ur.UserId)
            select new { ur.UserId, role.Name }).ToListAsync(cancellationToken);
        var rolesOf = roleRows.ToLookup(r => r.UserId, r => r.Name!);
        return rows.Select(r => new OfficialSummary(
            r.Id, r.Email ?? "", r.FullName, rolesOf[r.Id].Order(StringComparer.Ordinal).ToList(), r.UnitCode,
            r.NameVi is null ? null : new LocalizedText(r.NameVi, r.NameEn ?? r.NameVi), r.TwoFactorEnabled, r.IsDisabled)).ToList();
    }
}
