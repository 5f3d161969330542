using System.Globalization;
using System.Text;

namespace PublicServices.Platform.Payments.Protocols.VietQr;

/// <summary>Builds NAPAS 247 VietQR payloads (EMVCo MPM) that any Vietnamese banking app can pay.</summary>
public static class VietQrPayload
{
    /// <summary>NAPAS application identifier in 38/00.</summary>
    public const string NapasGuid = "A000000727";
    public const int MaxPurposeLength = 25;

    /// <summary>
    /// Layout: 00=01, 01=12 (with amount) or 11 (static), 38{00 GUID, 01{00 BIN, 01 account}, 02 service},
    /// 53=704, 54 amount, 58=VN, 62{08 purpose}, 63 CRC over everything through "6304".
    /// </summary>
    /// <param name="purpose">62/08, the payment reference the payer's bank echoes: printable ASCII, ≤ 25 characters; null or empty for none.</param>
    public static string Build(string bin, string account, long? amountVnd, string? purpose, VietQrService service = VietQrService.ToAccount)
    {
        if (bin.Length != 6 || !bin.All(char.IsAsciiDigit))
            throw new ArgumentException("BIN ngân hàng phải gồm 6 chữ số / Bank BIN must be 6 digits", nameof(bin));
        if (!IsValidAccount(account))
            throw new ArgumentException("Số tài khoản/thẻ gồm 1–19 chữ hoặc số / Account or card number must be 1-19 letters or digits", nameof(account));
        if (amountVnd is <= 0 or > 9_999_999_999_999)
            throw new ArgumentOutOfRangeException(nameof(amountVnd), "Số tiền phải dương, tối đa 13 chữ số / Amount must be positive, at most 13 digits");
        if (!string.IsNullOrEmpty(purpose) && !IsValidPurpose(purpose))
            throw new ArgumentException("Nội dung chuyển khoản chỉ gồm ký tự ASCII, tối đa 25 ký tự / Purpose must be printable ASCII, at most 25 characters", nameof(purpose));

        var beneficiary = Tlv("00", bin) + Tlv("01", account);
        var serviceCode = service == VietQrService.ToCard ? "QRIBFTTC" : "QRIBFTTA";
        var builder = new StringBuilder()
            .Append(Tlv("00", "01"))
            .Append(Tlv("01", amountVnd is null ? "11" : "12"))
            .Append(Tlv("38", Tlv("00", NapasGuid) + Tlv("01", beneficiary) + Tlv("02", serviceCode)))
            .Append(Tlv("53", "704"));
        if (amountVnd is { } amount)
            builder.Append(Tlv("54", amount.ToString(CultureInfo.InvariantCulture)));
        builder.Append(Tlv("58", "VN"));
        if (!string.IsNullOrEmpty(purpose))
            builder.Append(Tlv("62", Tlv("08", purpose)));
        builder.Append("6304");
        return builder.Append(Crc16CcittFalse.ComputeHex(builder.ToString())).ToString();
    }

    public static bool IsValidPurpose(string purpose) =>
        purpose.Length is > 0 and <= MaxPurposeLength && purpose.All(c => c is >= ' ' and <= '~');

    internal static bool IsValidAccount(string account) =>
        account.Length is > 0 and <= 19 && account.All(char.IsAsciiLetterOrDigit);

    private static string Tlv(string tag, string value) =>
        value.Length <= 99
            ? tag + value.Length.ToString("00", CultureInfo.InvariantCulture) + value
            : throw new ArgumentException($"Giá trị tag {tag} dài quá 99 / Value of tag {tag} longer than 99");
}
