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
/// token's never, so for these accounts the stamp is compared on every request: one read by primary key, for the few
/// accounts whose powers matter; applicants' requests still need no database read.
/// A claims transformation, because it runs after every authentication, including the one an endpoint's policy makes
/// with its own scheme (the API's bearer-only policies); a revoked session becomes anonymous, so pages send the
/// visitor to sign in and the API answers 401 (see <see cref="RevokedSessionChallenge"/>). A revoked cookie stays in
/// the browser, refused on every request, until the next sign-in replaces it.
/// </summary>
public sealed class ActiveAccountCheck(AppDbContext db, IOptions<IdentityOptions> options) : IClaimsTransformation
{
    /// <summary>
    /// The answer as of the request's first authentication (one instance per request). Within the request the account's
    /// own pages may change the stamp (authenticator set-up) and then reissue the cookie, which authenticates again.
    /// </summary>
    private readonly Dictionary<(string Id, string Stamp), bool> answered = [];

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || !principal.HasClaim(PortalClaims.Official, "true"))
            return principal;
        var claims = options.Value.ClaimsIdentity;
        var id = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (id is null || stamp is null)
            return Anonymous();
        if (!answered.TryGetValue((id, stamp), out var current))
        {
            var account = await db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new { u.SecurityStamp, u.IsDisabled }).SingleOrDefaultAsync();
            current = answered[(id, stamp)] = account is { IsDisabled: false } && account.SecurityStamp == stamp;
        }
        return current ? principal : Anonymous();
    }

    /// <summary>A fresh one each time: principals are merged and amended further down the pipeline.</summary>
    private static ClaimsPrincipal Anonymous() => new(new ClaimsIdentity());
}
