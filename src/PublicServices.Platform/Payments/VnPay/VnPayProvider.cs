using PublicServices.Platform.Payments.Protocols.VnPay;

namespace PublicServices.Platform.Payments.VnPay;

/// <summary>
/// VNPay v2.1.0 as a provider: the signed payment URL the browser is sent to. Registered only when the merchant settings
/// (<c>Payments:VnPay:TmnCode</c>, <c>HashSecret</c>, <c>ReturnUrl</c>) are configured. The mop-up does not query VNPay
/// (querydr needs the network): an attempt without an IPN expires, and an IPN arriving later is flagged for refund.
/// </summary>
public sealed class VnPayProvider(VnPayOptions options, TimeProvider clock) : IPaymentProvider
{
    public const string ProviderName = "vnpay";

    public string Name => ProviderName;

    public Task<(string? RedirectUrl, string? QrPayload)> BeginAsync(PaymentRecord payment, string? clientIp, string language, CancellationToken cancellationToken)
    {
        var request = new VnPayPaymentRequest(payment.Reference, payment.AmountVnd, payment.Description, clientIp ?? "127.0.0.1", clock.GetUtcNow(),
            new DateTimeOffset(payment.ExpiresAt, TimeSpan.Zero), language == "en" ? "en" : "vn");
        return Task.FromResult<(string?, string?)>((new VnPayClient(options).BuildPaymentUrl(request), null));
    }

    public Task<ProviderReport?> QueryAsync(PaymentRecord payment, CancellationToken cancellationToken) => Task.FromResult<ProviderReport?>(null);
}
