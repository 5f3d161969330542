using System.Text.Json.Nodes;
using PublicServices.Platform.Payments.Protocols.VnPay;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Payments.VnPay;

/// <summary>
/// VNPay's IPN: verify the checksum, then confirm through <see cref="PaymentService"/> (which checks the order, the amount
/// and whether it was already confirmed) and answer with VNPay's codes. Every call is stored as received.
/// </summary>
public sealed class VnPayIpnReceiver(AppDbContext db, PaymentService payments, VnPayOptions options, TimeProvider clock)
{
    public async Task<VnPayIpnResponse> ReceiveAsync(VnPayCallback callback, CancellationToken cancellationToken)
    {
        var raw = new JsonObject();
        foreach (var (key, value) in callback.Parameters.Take(40))
            raw[key] = value;
        raw["vnp_SecureHash"] = callback.SecureHash;
        if (!callback.VerifySignature(options.HashSecret))
            return await RejectAsync(raw, callback, "bad-signature", VnPayIpnResponse.InvalidChecksum, cancellationToken);
        if (!callback.IsWellFormed || callback.TxnRef is null || callback.AmountVnd is null)
            return await RejectAsync(raw, callback, "malformed", VnPayIpnResponse.UnknownError, cancellationToken);
        var report = new ProviderReport(VnPayProvider.ProviderName, callback.TxnRef, callback.TransactionNo, callback.AmountVnd.Value, "VND",
            callback.IsSuccess, callback.ResponseCode ?? "99", raw.ToJsonString());
        return await payments.ConfirmAsync(report, cancellationToken) switch
        {
            ConfirmationResult.Confirmed or ConfirmationResult.Recorded => VnPayIpnResponse.ConfirmSuccess,
            ConfirmationResult.AlreadyConfirmed or ConfirmationResult.Flagged => VnPayIpnResponse.AlreadyConfirmed,
            ConfirmationResult.UnknownReference => VnPayIpnResponse.OrderNotFound,
            ConfirmationResult.AmountMismatch => VnPayIpnResponse.InvalidAmount,
            _ => VnPayIpnResponse.UnknownError,
        };
    }

    private async Task<VnPayIpnResponse> RejectAsync(JsonObject raw, VnPayCallback callback, string result, VnPayIpnResponse answer, CancellationToken cancellationToken)
    {
        db.PaymentEvents.Add(new PaymentEventRecord
        {
            Reference = callback.TxnRef is { Length: <= 64 } r ? r : "?", Provider = VnPayProvider.ProviderName, Kind = "notification",
            RawJson = raw.ToJsonString(), Result = result, At = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return answer;
    }
}
