using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Identity;

namespace PublicServices.Web.Features.Admin;

public sealed partial class AdminController
{
    [HttpGet("users")]
    public async Task<IActionResult> Users(string? q, CancellationToken ct) =>
        View(new UsersModel(q, await administration.SearchAsync(q, ct), CurrentUserId));

    [HttpGet("users/new")]
    public async Task<IActionResult> NewUser(CancellationToken ct) => View(new NewUserModel(new NewOfficialForm(), await UnitsAsync(ct)));

    [HttpPost("users/new")]
    public async Task<IActionResult> CreateUser(NewOfficialForm form, CancellationToken ct)
    {
        var roles = KnownRoles(form.Roles);
        // The binder leaves a field it received empty as null despite the declared type.
        var email = (form.Email ?? "").Trim();
        // When the fields' own rules already failed, the account's rules still run (without creating anything), so
        // that every problem is shown at once.
        var problems = ModelState.IsValid
            ? await accounts.CreateAsync(email, form.Password, form.FullName.Trim(), roles, form.UnitCode, ct)
            : await accounts.CheckAsync(email, form.Password ?? "", roles, form.UnitCode, ct);
        AddProblems(problems);
        if (ModelState.IsValid)
        {
            TempData["Flash"] = l["Admin.Users.Created", email].Value;
            return Redirect("/admin/users");
        }
        form.Password = "";
        return View("NewUser", new NewUserModel(form, await UnitsAsync(ct)));
    }

    [HttpGet("users/{id}")]
    public async Task<IActionResult> EditUser(string id, CancellationToken ct)
    {
        if (await administration.FindAsync(id, ct) is not { } official)
            return NotFound();
        var form = new OfficialRolesForm { Roles = official.Roles.ToList(), UnitCode = official.UnitCode };
        return View(new EditUserModel(official, form, await UnitsAsync(ct), id == CurrentUserId));
    }

    [HttpPost("users/{id}")]
    public async Task<IActionResult> UpdateUser(string id, OfficialRolesForm form, CancellationToken ct)
    {
        if (await administration.FindAsync(id, ct) is not { } official)
            return NotFound();
        var roles = KnownRoles(form.Roles);
        if (ModelState.IsValid)
            AddProblems(await administration.UpdateAsync(id, roles, form.UnitCode, CurrentUserId, ct));
        if (ModelState.IsValid)
        {
            // Editing oneself changes one's own security stamp: the cookie is reissued rather than ended.
            if (id == CurrentUserId && await signIn.UserManager.FindByIdAsync(id) is { } self)
                await signIn.RefreshSignInAsync(self);
            TempData["Flash"] = l["Admin.Users.Updated", official.Email].Value;
            return Redirect("/admin/users");
        }
        return View("EditUser", new EditUserModel(official, form, await UnitsAsync(ct), id == CurrentUserId));
    }

    [HttpPost("users/{id}/disable")]
    public Task<IActionResult> DisableUser(string id, string? q, CancellationToken ct) => SetDisabledAsync(id, true, q, ct);

    [HttpPost("users/{id}/enable")]
    public Task<IActionResult> EnableUser(string id, string? q, CancellationToken ct) => SetDisabledAsync(id, false, q, ct);

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled, string? q, CancellationToken ct)
    {
        if (await administration.FindAsync(id, ct) is not { } official)
            return NotFound();
        var problems = await administration.SetDisabledAsync(id, disabled, CurrentUserId, ct);
        TempData["Flash"] = problems.Count > 0
            ? AdminText.Problem(problems[0], l)
            : (disabled ? l["Admin.Users.Disabled", official.Email] : l["Admin.Users.Enabled", official.Email]).Value;
        return Redirect(string.IsNullOrWhiteSpace(q) ? "/admin/users" : "/admin/users?q=" + Uri.EscapeDataString(q));
    }

    /// <summary>The page offers the portal's own roles only; anything else posted is reported on the roles field.</summary>
    private List<string> KnownRoles(IEnumerable<string> posted)
    {
        var roles = posted.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var unknown in roles.Where(r => !Roles.All.Contains(r)))
            ModelState.AddModelError(nameof(OfficialRolesForm.Roles), l["Admin.Users.Error.RoleUnknown", unknown]);
        return roles;
    }

    /// <summary>Adds the account's problems beside their fields, except where a field's own rule already failed.</summary>
    private void AddProblems(IEnumerable<AccountProblem> problems)
    {
        var alreadyInError = ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToHashSet();
        foreach (var problem in problems)
        {
            var field = AdminText.Field(problem.Field);
            if (!alreadyInError.Contains(field))
                ModelState.AddModelError(field, AdminText.Problem(problem, l));
        }
    }

    private async Task<IReadOnlyList<Unit>> UnitsAsync(CancellationToken ct) =>
        await db.Units.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Code).ToListAsync(ct);
}
