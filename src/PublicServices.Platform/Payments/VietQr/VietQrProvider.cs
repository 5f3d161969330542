using PublicServices.Platform.Payments.Protocols.VietQr;

namespace PublicServices.Platform.Payments.VietQr;

/// <summary>
/// VietQR (NAPAS 247): a QR payload with the agency's account, the exact amount and the payment reference as the transfer
/// purpose; the applicant scans it with any banking app. Settlement is learnt from the bank statement import
/// (<see cref="StatementImport"/>), matched by the reference; there is nothing to query, so unsettled attempts expire.
/// </summary>
public sealed class VietQrProvider(VietQrOptions options) : IPaymentProvider
{
    public const string ProviderName = "vietqr";

    public string Name => ProviderName;

    public TimeSpan AttemptLifetime => TimeSpan.MaxValue;

    public Task<(string? RedirectUrl, string? QrPayload)> BeginAsync(PaymentRecord payment, string? clientIp, string language, CancellationToken cancellationToken)
    {
        var payload = VietQrPayload.Build(options.Bin, options.Account, payment.AmountVnd, payment.Reference);
        return Task.FromResult<(string?, string?)>(($"/dossiers/{payment.DossierCode}/payments/{payment.Reference}/qr", payload));
    }

    public Task<ProviderReport?> QueryAsync(PaymentRecord payment, CancellationToken cancellationToken) => Task.FromResult<ProviderReport?>(null);
}
