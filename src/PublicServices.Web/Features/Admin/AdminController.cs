using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Localization;

namespace PublicServices.Web.Features.Admin;

/// <summary>
/// The administration pages under /admin: accounts of officials (AdminController.Users.cs), the engine's incidents and
/// the procedure versions (AdminController.Engine.cs). One controller, split in parts, so that every view is found in
/// this folder. Administrators only; two-factor sign-in is already required of them by TwoFactorEnforcementMiddleware.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
[Route("admin")]
public sealed partial class AdminController(
    OfficialAccounts accounts,
    AccountAdministration administration,
    IncidentService incidents,
    DefinitionOverview definitions,
    SignInManager<ApplicationUser> signIn,
    AppDbContext db,
    IStringLocalizer<SharedResource> l) : Controller
{
    private string CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public IActionResult Index() => View();
}
