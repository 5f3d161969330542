using System.Text.Json;

namespace PublicServices.Platform.Payments.Protocols.VnPay;

/// <summary>
/// The merchant's answer to VNPay's IPN call, with the messages of VNPay's official demo (vnpay_ipn.php).
/// A failed payment that we recorded is still answered 00: the code acknowledges the notification, not the payment.
/// </summary>
public sealed record VnPayIpnResponse(string RspCode, string Message)
{
    public static readonly VnPayIpnResponse ConfirmSuccess = new("00", "Confirm Success");
    public static readonly VnPayIpnResponse OrderNotFound = new("01", "Order not found");
    public static readonly VnPayIpnResponse AlreadyConfirmed = new("02", "Order already confirmed");
    public static readonly VnPayIpnResponse InvalidAmount = new("04", "invalid amount");
    public static readonly VnPayIpnResponse InvalidChecksum = new("97", "Invalid signature");
    public static readonly VnPayIpnResponse UnknownError = new("99", "Unknow error");

    /// <summary>{"RspCode":"..","Message":".."} exactly, as VNPay parses it.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>
    /// The checks in the order of VNPay's demo: checksum, order, amount, already confirmed.
    /// </summary>
    /// <param name="expectedAmountVnd">The order's amount, or null when no order has the callback's vnp_TxnRef.</param>
    /// <param name="alreadyConfirmed">The order already has a final result (paid or failed) from an earlier IPN.</param>
    public static VnPayIpnResponse Decide(VnPayCallback callback, bool signatureValid, long? expectedAmountVnd, bool alreadyConfirmed)
    {
        if (!signatureValid)
            return InvalidChecksum;
        if (expectedAmountVnd is null || callback.TxnRef is null)
            return OrderNotFound;
        if (callback.AmountVnd != expectedAmountVnd)
            return InvalidAmount;
        if (alreadyConfirmed)
            return AlreadyConfirmed;
        return callback.IsWellFormed ? ConfirmSuccess : UnknownError;
    }
}
