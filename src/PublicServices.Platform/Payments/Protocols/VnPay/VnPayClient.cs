using System.Globalization;

namespace PublicServices.Platform.Payments.Protocols.VnPay;

/// <summary>Builds the signed redirect URL of a v2.1.0 "pay" request. Pure: no HTTP, no clock.</summary>
public sealed class VnPayClient(VnPayOptions options)
{
    public VnPayOptions Options { get; } = options;

    /// <summary>The vnp_* parameters of the request, unsigned (exposed for logging and tests).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> BuildParameters(VnPayPaymentRequest request)
    {
        Validate(request);
        var locale = request.Locale ?? Options.Locale;
        if (locale is not ("vn" or "en"))
            throw new ArgumentException("vnp_Locale phải là vn hoặc en / vnp_Locale must be vn or en", nameof(request));
        var orderInfo = VnPayOrderInfo.Sanitize(request.OrderInfo);
        if (orderInfo.Length == 0)
            throw new ArgumentException("Thiếu nội dung thanh toán / Missing order information", nameof(request));
        var expires = request.ExpiresAt ?? request.CreatedAt + Options.DefaultExpiry;

        var parameters = new List<KeyValuePair<string, string>>
        {
            new("vnp_Version", Options.Version),
            new("vnp_Command", "pay"),
            new("vnp_TmnCode", Options.TmnCode),
            new("vnp_Amount", checked(request.AmountVnd * 100).ToString(CultureInfo.InvariantCulture)),
            new("vnp_CreateDate", VnPayTime.Format14(request.CreatedAt)),
            new("vnp_ExpireDate", VnPayTime.Format14(expires)),
            new("vnp_CurrCode", "VND"),
            new("vnp_Locale", locale),
            new("vnp_TxnRef", request.TxnRef),
            new("vnp_OrderInfo", orderInfo),
            new("vnp_OrderType", request.OrderType ?? Options.OrderType),
            new("vnp_IpAddr", request.IpAddress),
            new("vnp_ReturnUrl", Options.ReturnUrl),
        };
        if (!string.IsNullOrEmpty(request.BankCode))
            parameters.Add(new("vnp_BankCode", request.BankCode));
        return parameters;
    }

    /// <summary>PaymentUrl?{canonical query}&amp;vnp_SecureHash={hmac}; the query is the sign data itself, as in VNPay's demos.</summary>
    public string BuildPaymentUrl(VnPayPaymentRequest request)
    {
        var signData = VnPaySigner.BuildSignData(BuildParameters(request));
        var hash = VnPaySigner.Hmac(signData, Options.HashSecret);
        var separator = Options.PaymentUrl.Contains('?') ? '&' : '?';
        return $"{Options.PaymentUrl}{separator}{signData}&vnp_SecureHash={hash}";
    }

    private void Validate(VnPayPaymentRequest request)
    {
        if (string.IsNullOrEmpty(Options.TmnCode) || string.IsNullOrEmpty(Options.HashSecret) || string.IsNullOrEmpty(Options.ReturnUrl))
            throw new InvalidOperationException("VNPay chưa được cấu hình (TmnCode, HashSecret, ReturnUrl) / VNPay is not configured (TmnCode, HashSecret, ReturnUrl)");
        if (request.AmountVnd <= 0)
            throw new ArgumentOutOfRangeException(nameof(request), "Số tiền phải dương / Amount must be positive");
        if (request.TxnRef.Length is 0 or > 100 || !request.TxnRef.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException("Mã giao dịch chỉ gồm chữ, số, - và _ (tối đa 100) / TxnRef must be 1-100 ASCII letters, digits, - or _", nameof(request));
        if (string.IsNullOrWhiteSpace(request.IpAddress))
            throw new ArgumentException("Thiếu địa chỉ IP / Missing IP address", nameof(request));
        if (request.ExpiresAt is { } expires && expires <= request.CreatedAt)
            throw new ArgumentException("Thời hạn phải sau thời điểm tạo / Expiry must be after creation", nameof(request));
    }
}
