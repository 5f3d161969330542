namespace PublicServices.Platform.Payments;

/// <summary>
/// A payment provider: starts an attempt (a page to redirect to, or a QR payload) and, for the mop-up, says what it
/// knows of an attempt left pending (null when it cannot be asked or knows nothing).
/// </summary>
public interface IPaymentProvider
{
    string Name { get; }

    /// <summary>How long one attempt stays open: a card gateway's session (15 minutes, VNPay's default), or until the fee
    /// itself expires for bank transfers that settle through a later statement.</summary>
    TimeSpan AttemptLifetime => TimeSpan.FromMinutes(15);

    Task<(string? RedirectUrl, string? QrPayload)> BeginAsync(PaymentRecord payment, string? clientIp, string language, CancellationToken cancellationToken);

    Task<ProviderReport?> QueryAsync(PaymentRecord payment, CancellationToken cancellationToken);
}
