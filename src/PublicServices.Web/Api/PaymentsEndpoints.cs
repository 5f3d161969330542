using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using PublicServices.Platform.Payments;
using PublicServices.Platform.Payments.Sandbox;
using PublicServices.Web.Hosting;
using PublicServices.Web.Localization;

namespace PublicServices.Web.Api;

/// <summary>
/// Fees over the API (start an attempt, list attempts) and the providers' server-to-server callbacks, which take no
/// cookies and no antiforgery token (they are signed instead) and are rate-limited.
/// </summary>
public static class PaymentsEndpoints
{
    public sealed record StartBody(string? Provider);

    public static void MapPayments(this IEndpointRouteBuilder app)
    {
        var dossiers = app.MapGroup("/api/v1/dossiers/{code}/payments").WithTags("Payments")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        dossiers.MapPost("/", StartAsync);
        dossiers.MapGet("/", async (string code, ClaimsPrincipal user, PaymentService payments, PublicServices.Platform.Dossiers.DossierQueries queries, CancellationToken ct) =>
            await queries.OwnAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, code, ct) is null
                ? Results.NotFound()
                : Results.Ok((await payments.OfDossierAsync(code, ct)).Select(p => new { p.Reference, p.Provider, p.AmountVnd, p.Status, p.CreatedAt, p.ExpiresAt, p.CompletedAt })));

        app.MapPost("/payments/sandbox/notify", async (HttpRequest request, IServiceProvider services, CancellationToken ct) =>
        {
            if (services.GetService<SandboxNotificationReceiver>() is not { } receiver)
                return Results.NotFound();
            var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
            var fields = form?.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())).ToList() ?? [];
            var answer = await receiver.ReceiveAsync(fields, ct);
            return Results.Json(new { answer.RspCode, answer.Message });
        }).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimitPolicies.Callbacks).WithTags("Payments");

        // VNPay calls its IPN with GET and a signed query; the answer is VNPay's {"RspCode","Message"}.
        app.MapGet("/payments/vnpay/ipn", async (HttpRequest request, IServiceProvider services, CancellationToken ct) =>
        {
            if (services.GetService<PublicServices.Platform.Payments.VnPay.VnPayIpnReceiver>() is not { } receiver)
                return Results.NotFound();
            var answer = await receiver.ReceiveAsync(PublicServices.Platform.Payments.Protocols.VnPay.VnPayCallback.ParseQuery(request.Query), ct);
            return Results.Text(answer.ToJson(), "application/json");
        }).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Callbacks).WithTags("Payments");
    }

    private static async Task<Results<Created<object>, ValidationProblem, NotFound>> StartAsync(
        string code, StartBody? body, ClaimsPrincipal user, HttpContext http, PaymentService payments, CancellationToken ct)
    {
        var (started, error) = await payments.StartAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, code, body?.Provider ?? payments.Providers.FirstOrDefault() ?? "",
            http.Connection.RemoteIpAddress?.ToString(), PortalCultures.Current, ct);
        if (started is null && error is null)
            return TypedResults.NotFound();
        if (started is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["payment"] = [error!] });
        var p = started.Payment;
        return TypedResults.Created($"/api/v1/dossiers/{code}/payments", (object)new
        {
            p.Reference, p.Provider, p.AmountVnd, p.ExpiresAt, redirectUrl = started.RedirectUrl, qrPayload = started.QrPayload,
        });
    }
}
