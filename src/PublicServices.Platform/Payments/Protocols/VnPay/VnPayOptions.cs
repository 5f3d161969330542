namespace PublicServices.Platform.Payments.Protocols.VnPay;

/// <summary>Merchant settings issued by VNPay for protocol v2.1.0 (sandbox or production).</summary>
public sealed class VnPayOptions
{
    /// <summary>vnp_TmnCode: the merchant's terminal code.</summary>
    public string TmnCode { get; set; } = "";

    /// <summary>vnp_HashSecret: the HMAC-SHA512 key. Never logged, never sent.</summary>
    public string HashSecret { get; set; } = "";

    /// <summary>Gateway page the browser is redirected to.</summary>
    public string PaymentUrl { get; set; } = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html";

    /// <summary>vnp_ReturnUrl: where VNPay sends the browser back (display only; the IPN is the source of truth).</summary>
    public string ReturnUrl { get; set; } = "";

    public string Version { get; set; } = "2.1.0";

    /// <summary>vnp_Locale default: "vn" or "en".</summary>
    public string Locale { get; set; } = "vn";

    /// <summary>vnp_OrderType default; VNPay's category code, "other" when nothing more specific applies.</summary>
    public string OrderType { get; set; } = "other";

    /// <summary>Used for vnp_ExpireDate when the request gives none.</summary>
    public TimeSpan DefaultExpiry { get; set; } = TimeSpan.FromMinutes(15);
}
