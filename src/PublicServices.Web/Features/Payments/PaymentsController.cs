using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PublicServices.Platform.Payments;
using PublicServices.Platform.Payments.Protocols.Sandbox;
using PublicServices.Platform.Payments.Sandbox;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Localization;

namespace PublicServices.Web.Features.Payments;

/// <summary>
/// The applicant's side of a fee: start an attempt (redirect to the gateway), the browser's return (display only — the
/// provider's notification is what marks a fee paid) and the receipt of a paid fee.
/// </summary>
public sealed class PaymentsController(PaymentService payments, AppDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [Authorize]
    [HttpPost("/dossiers/{code}/pay")]
    public async Task<IActionResult> Pay(string code, string? provider, CancellationToken ct)
    {
        var (started, error) = await payments.StartAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, code, provider ?? payments.Providers.FirstOrDefault() ?? "",
            HttpContext.Connection.RemoteIpAddress?.ToString(), PortalCultures.Current, ct);
        if (started is null && error is null)
            return NotFound();
        if (started?.RedirectUrl is { } url)
            return Redirect(url);
        TempData["Flash"] = PortalCultures.Pick(error ?? l["Payments.Unavailable"]);
        return Redirect($"/dossiers/{code}");
    }

    /// <summary>Where the sandbox sends the browser back. Shows what the portal knows; changes nothing.</summary>
    [AllowAnonymous]
    [HttpGet("/payments/sandbox/return")]
    public async Task<IActionResult> SandboxReturn([FromServices] IServiceProvider services, CancellationToken ct)
    {
        if (services.GetService<SandboxOptions>() is not { } sandbox)
            return NotFound();
        var form = Request.Query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString())).ToList();
        var genuine = SandboxNotification.TryParseForm(form, out var returned, out _) && returned!.Verify(sandbox.Secret);
        await payments.RecordReturnAsync(SandboxProvider.ProviderName, returned?.PaymentRef ?? Request.Query["paymentRef"].FirstOrDefault(), Raw(), genuine, ct);
        if (!genuine || returned is null)
            return View("Return", new PaymentReturnModel(null, null, Genuine: false));
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Reference == returned.PaymentRef, ct);
        return View("Return", new PaymentReturnModel(payment, returned.Status == SandboxPaymentStatus.Paid, Genuine: true));
    }

    /// <summary>Where VNPay sends the browser back: checked, displayed, never used to mark a fee paid (the IPN does).</summary>
    [AllowAnonymous]
    [HttpGet("/payments/vnpay/return")]
    public async Task<IActionResult> VnPayReturn([FromServices] IServiceProvider services, CancellationToken ct)
    {
        var callback = PublicServices.Platform.Payments.Protocols.VnPay.VnPayCallback.ParseQuery(Request.Query);
        var genuine = services.GetService<PublicServices.Platform.Payments.Protocols.VnPay.VnPayOptions>() is { } options
            && callback.VerifySignature(options.HashSecret) && callback.TxnRef is not null;
        await payments.RecordReturnAsync("vnpay", callback.TxnRef, Raw(), genuine, ct);
        if (!genuine)
            return View("Return", new PaymentReturnModel(null, null, Genuine: false));
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Reference == callback.TxnRef, ct);
        return View("Return", new PaymentReturnModel(payment, callback.IsSuccess, Genuine: true));
    }

    [Authorize]
    [HttpGet("/dossiers/{code}/payments/{reference}/receipt")]
    public async Task<IActionResult> Receipt(string code, string reference, CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Reference == reference && p.DossierCode == code && p.ApplicantId == me, ct);
        if (payment is not { Status: PaymentStatus.Paid })
            return NotFound();
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code, ct);
        var payer = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.FullName).SingleAsync(ct);
        return View("Receipt", new ReceiptModel(payment, dossier, payer));
    }

    /// <summary>The VietQR code of an attempt, to scan with any banking app; the transfer is settled by the statement import.</summary>
    [Authorize]
    [HttpGet("/dossiers/{code}/payments/{reference}/qr")]
    public async Task<IActionResult> Qr(string code, string reference, [FromServices] IServiceProvider services, CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Reference == reference && p.DossierCode == code && p.ApplicantId == me
            && p.Provider == PublicServices.Platform.Payments.VietQr.VietQrProvider.ProviderName, ct);
        if (payment is null || services.GetService<PublicServices.Platform.Payments.VietQr.VietQrOptions>() is not { } account)
            return NotFound();
        var payload = PublicServices.Platform.Payments.Protocols.VietQr.VietQrPayload.Build(account.Bin, account.Account, payment.AmountVnd, payment.Reference);
        using var data = new QRCoder.QRCodeGenerator().CreateQrCode(payload, QRCoder.QRCodeGenerator.ECCLevel.M);
        var svg = new QRCoder.SvgQRCode(data).GetGraphic(6);
        return View("Qr", new QrModel(payment, account, payload, svg));
    }

    private System.Text.Json.Nodes.JsonObject Raw()
    {
        var raw = new System.Text.Json.Nodes.JsonObject();
        foreach (var (key, value) in Request.Query.Take(40))
            raw[key] = value.ToString();
        return raw;
    }
}

/// <param name="GatewaySaysPaid">What the gateway's (signed) return says; shown while the notification is awaited.</param>
public sealed record PaymentReturnModel(PaymentRecord? Payment, bool? GatewaySaysPaid, bool Genuine);

public sealed record ReceiptModel(PaymentRecord Payment, PublicServices.Platform.Dossiers.DossierRecord Dossier, string Payer);

public sealed record QrModel(PaymentRecord Payment, PublicServices.Platform.Payments.VietQr.VietQrOptions Account, string Payload, string Svg);
