using Microsoft.AspNetCore.Identity;

namespace PublicServices.Web.Identity;

/// <summary>One default scheme that reads a bearer token when the request carries one, the sign-in cookie otherwise.</summary>
public static class PortalAuthentication
{
    public const string Scheme = "portal";

    public static string SelectScheme(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme;
}
