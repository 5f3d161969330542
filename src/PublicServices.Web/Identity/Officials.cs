using System.Security.Claims;
using PublicServices.Platform.Tasks;

namespace PublicServices.Web.Identity;

/// <summary>The signed-in official as the task queues see them, read from the claims added at sign-in.</summary>
public static class Officials
{
    public const string Policy = "official";

    public static OfficialScope Scope(HttpContext http)
    {
        var user = http.User;
        return new OfficialScope(
            user.FindFirstValue(ClaimTypes.NameIdentifier)!,
            user.FindFirstValue(PortalClaims.FullName) ?? user.Identity?.Name ?? "",
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
            user.FindFirstValue(PortalClaims.Unit),
            http.Connection.RemoteIpAddress?.ToString());
    }
}
