using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Identity;

/// <summary>The active officials holding a role in a unit: who may take a task, be reassigned it, or be told it is overdue.</summary>
public static class RoleHolders
{
    public static IQueryable<ApplicationUser> HoldingRole(this AppDbContext db, string role, string unitCode) =>
        from u in db.Users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where u.UnitCode == unitCode && r.Name == role && !u.IsDisabled
        select u;
}
