using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Payments.Protocols.Sandbox;

namespace PublicServices.Platform.Payments.Sandbox;

/// <summary>The built-in gateway as a provider: registers the payment on the gateway's book and sends the payer to its page.</summary>
public sealed class SandboxProvider(AppDbContext db, SandboxOptions options, TimeProvider clock) : IPaymentProvider
{
    public const string ProviderName = "sandbox";

    public string Name => ProviderName;

    public Task<(string? RedirectUrl, string? QrPayload)> BeginAsync(PaymentRecord payment, string? clientIp, string language, CancellationToken cancellationToken)
    {
        db.Add(new SandboxGatewayRecord
        {
            Reference = payment.Reference, AmountVnd = payment.AmountVnd, Description = payment.Description,
            ReturnUrl = "/payments/sandbox/return", Status = "open", CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        return Task.FromResult<(string?, string?)>(($"/sandbox-gateway/{payment.Reference}", null));
    }

    /// <summary>The mop-up asks the gateway: a payment it settled but whose notification never arrived is reported now.</summary>
    public async Task<ProviderReport?> QueryAsync(PaymentRecord payment, CancellationToken cancellationToken)
    {
        var book = await db.Set<SandboxGatewayRecord>().AsNoTracking().SingleOrDefaultAsync(g => g.Reference == payment.Reference, cancellationToken);
        if (book is null || book.Status == "open")
            return null;
        var notification = SandboxGateway.Notification(book, clock.GetUtcNow()).Sign(options.Secret);
        return SandboxGateway.Report(notification, "query");
    }
}
