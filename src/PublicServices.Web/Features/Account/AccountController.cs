using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PublicServices.Platform.Identity;
using PublicServices.Web.Hosting;
using PublicServices.Web.Localization;

namespace PublicServices.Web.Features.Account;

/// <summary>Register (applicants only), sign in with optional second factor, sign out.</summary>
[Route("account")]
public sealed class AccountController(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    ApplicantRegistration registration,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("register")]
    public IActionResult Register() => View(new RegisterForm());

    [HttpPost("register")]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Register(RegisterForm form)
    {
        // The CCCD rules run even when other fields are missing, so every problem is reported at once.
        if (!string.IsNullOrWhiteSpace(form.Cccd))
            foreach (var message in CccdCheck.Errors(form.Cccd.Trim(), form.DateOfBirth, clock.GetLocalNow().Year, l))
                ModelState.AddModelError(nameof(form.Cccd), message);
        if (ModelState.IsValid)
        {
            var errors = await registration.RegisterAsync(form);
            foreach (var (field, message) in errors)
                ModelState.AddModelError(field, message);
            if (errors.Count == 0)
            {
                var user = await users.FindByEmailAsync(form.Email);
                await signIn.SignInAsync(user!, isPersistent: false);
                TempData["Flash"] = l["Account.Register.Done"].Value;
                return LocalRedirect("/");
            }
        }
        form.Password = form.ConfirmPassword = "";
        return View(form);
    }

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid)
            return View(form);
        var user = await users.FindByEmailAsync(form.Email);
        if (user is { IsDisabled: true })
        {
            ModelState.AddModelError("", l["Account.Login.Disabled"]);
            return View(form);
        }
        var result = await signIn.PasswordSignInAsync(form.Email, form.Password, form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(SafeReturn(form.ReturnUrl));
        if (result.RequiresTwoFactor)
            return RedirectToAction(nameof(LoginWithCode), new { form.ReturnUrl, form.RememberMe });
        ModelState.AddModelError("", result.IsLockedOut ? LockedOutMessage(user) : l["Account.Login.Invalid"]);
        form.Password = "";
        return View(form);
    }

    [HttpGet("login/code")]
    public async Task<IActionResult> LoginWithCode(string? returnUrl, bool rememberMe) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(Login))
            : View(new TwoFactorCodeForm { ReturnUrl = returnUrl, RememberMe = rememberMe });

    [HttpPost("login/code")]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> LoginWithCode(TwoFactorCodeForm form)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
            return RedirectToAction(nameof(Login));
        if (!ModelState.IsValid)
            return View(form);
        var code = form.Code.Replace(" ", "");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, form.RememberMe, rememberClient: false);
        if (result.Succeeded)
            return LocalRedirect(SafeReturn(form.ReturnUrl));
        ModelState.AddModelError(nameof(form.Code), result.IsLockedOut ? LockedOutMessage(user) : l["Account.TotpCode.Invalid"]);
        form.Code = "";
        return View(form);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [Authorize]
    [HttpGet("two-factor")]
    public async Task<IActionResult> TwoFactorSetup()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        return View(await AuthenticatorSetup.PrepareAsync(users, signIn, user, new TwoFactorCodeForm()));
    }

    [Authorize]
    [HttpPost("two-factor")]
    public async Task<IActionResult> TwoFactorSetup(TwoFactorCodeForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (ModelState.IsValid)
        {
            var code = form.Code.Replace(" ", "");
            var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
            if (valid)
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                await signIn.RefreshSignInAsync(user);
                TempData["Flash"] = l["Account.TwoFactor.Enabled"].Value;
                return LocalRedirect("/");
            }
            ModelState.AddModelError(nameof(form.Code), l["Account.TotpCode.Invalid"]);
        }
        form.Code = "";
        return View(await AuthenticatorSetup.PrepareAsync(users, signIn, user, form));
    }

    /// <summary>
    /// A disabled account is also locked out without end (so that the API's sign-in refuses it too); telling its owner
    /// to try again in 15 minutes would mislead. It can be disabled between the password and the code.
    /// </summary>
    private string LockedOutMessage(ApplicationUser? user) =>
        user is { IsDisabled: true } ? l["Account.Login.Disabled"] : l["Account.Login.LockedOut"];

    private string SafeReturn(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}
