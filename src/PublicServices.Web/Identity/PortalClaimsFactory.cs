using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PublicServices.Platform.Identity;

namespace PublicServices.Web.Identity;

public sealed class PortalClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.FullName, user.FullName));
        if (user.UnitCode is not null)
            identity.AddClaim(new Claim(PortalClaims.Unit, user.UnitCode));
        if (user.IsOfficial || await UserManager.IsInRoleAsync(user, Roles.Administrator))
            identity.AddClaim(new Claim(PortalClaims.Official, "true"));
        if (user.TwoFactorEnabled)
            identity.AddClaim(new Claim(PortalClaims.TwoFactor, "true"));
        return identity;
    }
}
