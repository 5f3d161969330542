using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicServices.Platform.Persistence;

namespace PublicServices.Web.Identity;

/// <summary>
/// Ends an official's or administrator's session as soon as an administrator disables the account or changes its
/// roles (both change the security stamp). Identity compares a cookie's stamp only every 30 minutes and a bearer
/// token's never, so for these accounts the stamp is compared on every request: one read by primary key, for the
/// few accounts whose powers matter; applicants' requests still need no database read.
/// </summary>
public sealed class ActiveAccountMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AppDbContext db, IOptions<IdentityOptions> options)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && user.HasClaim(PortalClaims.Official, "true")
            && !await IsCurrentAsync(user, db, options.Value.ClaimsIdentity, context.RequestAborted))
        {
            if (PortalAuthentication.SelectScheme(context) == IdentityConstants.ApplicationScheme)
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            // Anonymous from here on: pages send the visitor to sign in, the API answers 401.
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next(context);
    }

    private static async Task<bool> IsCurrentAsync(ClaimsPrincipal user, AppDbContext db, ClaimsIdentityOptions claims, CancellationToken ct)
    {
        var id = user.FindFirstValue(claims.UserIdClaimType);
        var stamp = user.FindFirstValue(claims.SecurityStampClaimType);
        if (id is null || stamp is null)
            return false;
        var account = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.IsDisabled }).SingleOrDefaultAsync(ct);
        return account is { IsDisabled: false } && account.SecurityStamp == stamp;
    }
}
