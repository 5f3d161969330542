using PublicServices.Platform.Engine;

namespace PublicServices.Platform.Payments;

/// <summary>Background mop-up of attempts left pending past their expiry (asks the provider first, then expires).</summary>
public sealed class PaymentMopUpWork(PaymentService payments) : IBackgroundWork
{
    public string Name => "payment-mop-up";

    public Task<int> RunOnceAsync(string owner, CancellationToken cancellationToken) => payments.ExpireStaleAsync(100, cancellationToken);
}
