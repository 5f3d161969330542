using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PublicServices.Platform.Payments.Protocols.Sandbox;
using PublicServices.Platform.Payments.Sandbox;

namespace PublicServices.Web.Features.SandboxGateway;

/// <summary>
/// The built-in test gateway's payment page ("another site": no portal sign-in). The payer pays, cancels, or fails with
/// a chosen response code, and chooses how the gateway notifies the portal (once, twice, late, never).
/// </summary>
[AllowAnonymous]
public sealed class SandboxGatewayController(IServiceProvider services) : Controller
{
    /// <summary>Null when the sandbox is off (always in production): every page is then a 404.</summary>
    private PublicServices.Platform.Payments.Sandbox.SandboxGateway? Gateway => services.GetService<PublicServices.Platform.Payments.Sandbox.SandboxGateway>();

    [HttpGet("/sandbox-gateway/{reference}")]
    public async Task<IActionResult> Index(string reference, CancellationToken ct) =>
        Gateway is { } gateway && await gateway.FindAsync(reference, ct) is { } book ? View(book) : NotFound();

    [HttpPost("/sandbox-gateway/{reference}")]
    public async Task<IActionResult> Act(string reference, string? outcome, string? code, string? delivery, CancellationToken ct)
    {
        SandboxPaymentStatus? status = outcome switch
        {
            "pay" => SandboxPaymentStatus.Paid, "cancel" => SandboxPaymentStatus.Cancelled, "fail" => SandboxPaymentStatus.Failed, _ => null,
        };
        SandboxDelivery? mode = delivery is null ? SandboxDelivery.Once : Enum.TryParse<SandboxDelivery>(delivery, ignoreCase: true, out var chosen) && Enum.IsDefined(chosen) ? chosen : null;
        if (status is null || mode is null)
            return BadRequest();
        return Gateway is { } gateway && await gateway.ActAsync(reference, status.Value, code, mode.Value, ct) is { } back ? Redirect(back) : NotFound();
    }
}
