namespace PublicServices.Platform.Payments.Protocols.VnPay;

/// <summary>vnp_ResponseCode meanings from VNPay's v2.1.0 documentation (payment result, not the IPN answer).</summary>
public static class VnPayResponseCodes
{
    public const string Success = "00";
    public const string CancelledByCustomer = "24";

    public static readonly IReadOnlyDictionary<string, (string Vi, string En)> Descriptions = new Dictionary<string, (string, string)>
    {
        ["00"] = ("Giao dịch thành công", "Transaction successful"),
        ["07"] = ("Trừ tiền thành công. Giao dịch bị nghi ngờ (liên quan tới lừa đảo, giao dịch bất thường)", "Amount debited, but the transaction is suspected of fraud or irregularity"),
        ["09"] = ("Thẻ/Tài khoản của khách hàng chưa đăng ký dịch vụ InternetBanking tại ngân hàng", "The card or account is not registered for internet banking"),
        ["10"] = ("Khách hàng xác thực thông tin thẻ/tài khoản không đúng quá 3 lần", "Card or account details entered incorrectly more than 3 times"),
        ["11"] = ("Đã hết hạn chờ thanh toán. Xin quý khách vui lòng thực hiện lại giao dịch", "The payment window expired; please try again"),
        ["12"] = ("Thẻ/Tài khoản của khách hàng bị khóa", "The card or account is locked"),
        ["13"] = ("Quý khách nhập sai mật khẩu xác thực giao dịch (OTP)", "Wrong one-time password (OTP)"),
        ["24"] = ("Khách hàng hủy giao dịch", "Cancelled by the customer"),
        ["51"] = ("Tài khoản của quý khách không đủ số dư để thực hiện giao dịch", "Insufficient balance"),
        ["65"] = ("Tài khoản của Quý khách đã vượt quá hạn mức giao dịch trong ngày", "Daily transaction limit exceeded"),
        ["75"] = ("Ngân hàng thanh toán đang bảo trì", "The paying bank is under maintenance"),
        ["79"] = ("Khách hàng nhập sai mật khẩu thanh toán quá số lần quy định", "Payment password entered wrongly too many times"),
        ["99"] = ("Các lỗi khác", "Other error"),
    };

    public static bool IsSuccess(string? code) => code == Success;

    /// <summary>Bilingual text for a code; unknown codes are failures with their number shown.</summary>
    public static (string Vi, string En) Describe(string? code) =>
        code is not null && Descriptions.TryGetValue(code, out var text)
            ? text
            : ($"Giao dịch không thành công (mã {code})", $"Transaction failed (code {code})");
}
