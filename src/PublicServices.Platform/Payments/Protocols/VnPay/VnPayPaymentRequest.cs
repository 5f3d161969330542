namespace PublicServices.Platform.Payments.Protocols.VnPay;

/// <summary>One payment attempt to send to VNPay.</summary>
/// <param name="TxnRef">vnp_TxnRef: our reference, unique per merchant per day; ASCII letters, digits, - and _ (≤ 100).</param>
/// <param name="AmountVnd">Whole đồng; sent as ×100.</param>
/// <param name="OrderInfo">Free text; diacritics and special characters are removed before sending.</param>
/// <param name="IpAddress">vnp_IpAddr: the payer's IP address.</param>
/// <param name="CreatedAt">From the caller's TimeProvider; sent in GMT+7.</param>
/// <param name="ExpiresAt">vnp_ExpireDate; defaults to CreatedAt + VnPayOptions.DefaultExpiry.</param>
/// <param name="Locale">"vn" or "en"; defaults to VnPayOptions.Locale.</param>
/// <param name="BankCode">vnp_BankCode (e.g. VNPAYQR, VNBANK, INTCARD); empty lets the payer choose.</param>
/// <param name="OrderType">vnp_OrderType; defaults to VnPayOptions.OrderType.</param>
public sealed record VnPayPaymentRequest(
    string TxnRef,
    long AmountVnd,
    string OrderInfo,
    string IpAddress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt = null,
    string? Locale = null,
    string? BankCode = null,
    string? OrderType = null);
