using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Payments.Protocols.Sandbox;

namespace PublicServices.Platform.Payments.Sandbox;

/// <summary>How the sandbox delivers its server-to-server notification: once, twice, late (10 minutes), or never.</summary>
public enum SandboxDelivery { Once, Twice, Late, Never }

/// <summary>
/// The gateway side of the sandbox: the payer pays, cancels or fails (with a chosen response code) on its page; it then
/// sends the portal a notification signed with its own secret through the outbox — once, twice, late or never, on
/// demand — and sends the browser back with signed display parameters. Every path of a real gateway, with no network.
/// </summary>
public sealed class SandboxGateway(AppDbContext db, SandboxOptions options, TimeProvider clock)
{
    public const string OutboxKind = "sandbox.notify";
    public static readonly TimeSpan LateDelay = TimeSpan.FromMinutes(10);

    public Task<SandboxGatewayRecord?> FindAsync(string reference, CancellationToken cancellationToken) =>
        db.Set<SandboxGatewayRecord>().SingleOrDefaultAsync(g => g.Reference == reference, cancellationToken);

    /// <summary>The payer's choice; returns the browser's return address with its signed query, or null if the payment is not open.</summary>
    public async Task<string?> ActAsync(string reference, SandboxPaymentStatus outcome, string? failureCode, SandboxDelivery delivery, CancellationToken cancellationToken)
    {
        var book = await FindAsync(reference, cancellationToken);
        if (book is null || book.Status != "open")
            return null;
        var now = clock.GetUtcNow();
        book.Status = SandboxNotification.StatusText(outcome);
        book.ResponseCode = outcome switch
        {
            SandboxPaymentStatus.Paid => "00",
            SandboxPaymentStatus.Cancelled => "24",
            _ => failureCode is { Length: 2 } code && code.All(char.IsAsciiDigit) && code is not ("00" or "24") ? code : "51",
        };
        book.TxnId = $"SBX{now.ToUnixTimeMilliseconds()}{Random.Shared.Next(1000, 9999)}";
        book.UpdatedAt = now.UtcDateTime;
        var notification = Notification(book, now).Sign(options.Secret);
        var copies = delivery switch { SandboxDelivery.Twice => 2, SandboxDelivery.Never => 0, _ => 1 };
        for (var i = 0; i < copies; i++)
            db.Outbox.Add(new OutboxMessageRecord
            {
                Id = Guid.CreateVersion7(), Kind = OutboxKind, PayloadJson = notification.ToJson(), Status = OutboxStatus.Pending,
                DueAt = delivery == SandboxDelivery.Late ? now.UtcDateTime + LateDelay : now.UtcDateTime, CreatedAt = now.UtcDateTime,
            });
        await db.SaveChangesAsync(cancellationToken);
        var query = string.Join("&", notification.ToForm().Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return $"{book.ReturnUrl}?{query}";
    }

    public static SandboxNotification Notification(SandboxGatewayRecord book, DateTimeOffset now) =>
        new(book.Reference, book.TxnId ?? "", book.AmountVnd, "VND",
            book.Status switch { "paid" => SandboxPaymentStatus.Paid, "cancelled" => SandboxPaymentStatus.Cancelled, _ => SandboxPaymentStatus.Failed },
            book.ResponseCode ?? "99", book.UpdatedAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : now);

    public static ProviderReport Report(SandboxNotification notification, string via) =>
        new(SandboxProvider.ProviderName, notification.PaymentRef, notification.GatewayTxnId, notification.AmountVnd, notification.Currency,
            notification.Status == SandboxPaymentStatus.Paid, notification.ResponseCode,
            new JsonObject { ["via"] = via, ["notification"] = JsonNode.Parse(notification.ToJson()) }.ToJsonString());
}
