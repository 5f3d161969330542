using System.Text.Json.Nodes;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Payments.Protocols.Sandbox;
using PublicServices.Platform.Payments.Protocols.VnPay;

namespace PublicServices.Platform.Payments.Sandbox;

/// <summary>
/// The portal's side of the sandbox notification (the HTTP endpoint and the in-process delivery both come here):
/// parse, verify the gateway's signature, then confirm. Answers with VNPay's IPN codes so both providers read alike.
/// A bad signature or malformed message changes nothing but is stored for audit.
/// </summary>
public sealed class SandboxNotificationReceiver(AppDbContext db, PaymentService payments, SandboxOptions options, TimeProvider clock)
{
    public async Task<VnPayIpnResponse> ReceiveAsync(IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var raw = new JsonObject();
        foreach (var (key, value) in form.Take(32))
            raw[key] = value;
        if (!SandboxNotification.TryParseForm(form, out var notification, out var errors))
            return Reject(raw, "malformed: " + string.Join("; ", errors), VnPayIpnResponse.UnknownError);
        if (!notification!.Verify(options.Secret))
            return Reject(raw, "bad-signature", VnPayIpnResponse.InvalidChecksum);
        return await payments.ConfirmAsync(SandboxGateway.Report(notification, "notification"), cancellationToken) switch
        {
            ConfirmationResult.Confirmed or ConfirmationResult.Recorded => VnPayIpnResponse.ConfirmSuccess,
            ConfirmationResult.AlreadyConfirmed or ConfirmationResult.Flagged => VnPayIpnResponse.AlreadyConfirmed,
            ConfirmationResult.UnknownReference => VnPayIpnResponse.OrderNotFound,
            ConfirmationResult.AmountMismatch => VnPayIpnResponse.InvalidAmount,
            _ => VnPayIpnResponse.UnknownError,
        };

        VnPayIpnResponse Reject(JsonObject rawForm, string result, VnPayIpnResponse answer)
        {
            db.PaymentEvents.Add(new PaymentEventRecord
            {
                Reference = (rawForm["paymentRef"]?.ToString() ?? "?") is var r && r.Length > 64 ? r[..64] : r, Provider = SandboxProvider.ProviderName,
                Kind = "notification", RawJson = rawForm.ToJsonString(), Result = result.Length > 32 ? result[..32] : result, At = clock.GetUtcNow().UtcDateTime,
            });
            db.SaveChanges();
            return answer;
        }
    }
}
