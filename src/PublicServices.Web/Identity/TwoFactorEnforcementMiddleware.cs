namespace PublicServices.Web.Identity;

/// <summary>
/// Officials and administrators must use two-factor sign-in: until they have set up an authenticator, every page
/// but the account pages sends them to the setup page, and the API answers 403 with a problem description.
/// </summary>
public sealed class TwoFactorEnforcementMiddleware(RequestDelegate next)
{
    public const string SetupPath = "/account/two-factor";

    private static readonly string[] Allowed = ["/account", "/language", "/health", "/error", "/css", "/js", "/lib", "/favicon"];

    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        var path = context.Request.Path;
        if (user.Identity?.IsAuthenticated == true
            && user.HasClaim(PortalClaims.Official, "true")
            && !user.HasClaim(PortalClaims.TwoFactor, "true")
            && !Allowed.Any(a => path.StartsWithSegments(a, StringComparison.OrdinalIgnoreCase)))
        {
            if (path.StartsWithSegments("/api"))
            {
                await TypedResults.Problem(
                    title: "Two-factor sign-in required / Cần bật xác thực hai lớp",
                    detail: "Officials must set up an authenticator app before using the portal.",
                    statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                return;
            }
            context.Response.Redirect(SetupPath);
            return;
        }
        await next(context);
    }
}
