using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace PublicServices.Web.Identity;

/// <summary>
/// An endpoint whose policy names its own scheme (the API's bearer-only groups) authenticates again; when
/// <see cref="ActiveAccountCheck"/> turned that session anonymous, authentication still counts as having succeeded and
/// the policy would answer 403. Nobody is signed in, so the right answer is the challenge (401, or the sign-in page).
/// </summary>
public sealed class RevokedSessionChallenge : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        standard.HandleAsync(next, context, policy,
            authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated != true ? PolicyAuthorizationResult.Challenge() : authorizeResult);
}
