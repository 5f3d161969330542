using System.Globalization;

namespace PublicServices.Platform.Payments.Protocols.VietQr;

/// <summary>The EMVCo and NAPAS rules checked once the payload frames, and the typed fields they yield.</summary>
internal static class VietQrRules
{
    private static readonly string[] KnownServices = ["QRIBFTTA", "QRIBFTTC", "QRPUSH", "QRCASH"];

    public static VietQrParseResult Apply(VietQrParseResult result, List<VietQrError> errors, List<VietQrError> warnings)
    {
        var fields = result.Fields;
        CheckTagsAndOrder(fields, errors);

        string? Top(string tag) => fields.FirstOrDefault(f => f.Tag == tag)?.Value;
        void Missing(string path, string vi, string en) =>
            errors.Add(new(VietQrErrorCode.MissingTag, path, null, $"Thiếu {vi} (tag {path}) / Missing {en} (tag {path})"));

        var format = Top("00");
        if (format is not null && format != "01")
            errors.Add(new(VietQrErrorCode.WrongFormatIndicator, "00", null, $"Phiên bản định dạng phải là 01, không phải {format} / Payload format indicator must be 01, not {format}"));

        var initiation = Top("01");
        if (initiation is null)
            Missing("01", "phương thức khởi tạo", "point of initiation method");
        else if (initiation is not ("11" or "12"))
            errors.Add(new(VietQrErrorCode.WrongPointOfInitiation, "01", null, $"Phương thức khởi tạo phải là 11 hoặc 12, không phải {initiation} / Point of initiation must be 11 or 12, not {initiation}"));

        var (guid, bin, account, service) = ReadNapasAccount(fields.FirstOrDefault(f => f.Tag == "38"), errors, warnings, Missing);

        var currency = Top("53");
        if (currency is null)
            Missing("53", "mã tiền tệ", "currency");
        else if (currency != "704")
            errors.Add(new(VietQrErrorCode.WrongCurrency, "53", null, $"Tiền tệ phải là 704 (VND), không phải {currency} / Currency must be 704 (VND), not {currency}"));

        var country = Top("58");
        if (country is null)
            Missing("58", "mã quốc gia", "country code");
        else if (country != "VN")
            errors.Add(new(VietQrErrorCode.WrongCountry, "58", null, $"Quốc gia phải là VN, không phải {country} / Country must be VN, not {country}"));

        var amount = ReadAmount(Top("54"), errors);
        CheckTip(Top("55"), Top("56"), Top("57"), errors);

        var additional = fields.FirstOrDefault(f => f.Tag == "62");
        var purpose = additional?.Child("08")?.Value;
        if (purpose is not null && (purpose.Length > 25 || !purpose.All(c => c is >= ' ' and <= '~')))
            warnings.Add(new(VietQrErrorCode.PurposeFormat, "62/08", null, "Nội dung chuyển khoản nên là ASCII, tối đa 25 ký tự / Purpose should be ASCII, at most 25 characters"));

        return result with
        {
            PointOfInitiation = initiation,
            Guid = guid,
            Bin = bin,
            Account = account,
            ServiceCode = service,
            Currency = currency,
            Country = country,
            AmountVnd = amount,
            Purpose = purpose,
            BillNumber = additional?.Child("01")?.Value,
            ReferenceLabel = additional?.Child("05")?.Value,
            MerchantName = Top("59"),
            MerchantCity = Top("60"),
            Errors = errors,
            Warnings = warnings,
        };
    }

    private static void CheckTagsAndOrder(IReadOnlyList<TlvNode> fields, List<VietQrError> errors)
    {
        foreach (var node in fields.Where(f => f.Tag.Length != 2 || !f.Tag.All(char.IsAsciiDigit)))
            errors.Add(new(VietQrErrorCode.InvalidTag, node.Tag, node.Offset, $"Tag không hợp lệ \"{node.Tag}\" / Invalid tag \"{node.Tag}\""));
        foreach (var tag in fields.GroupBy(f => f.Tag).Where(g => g.Count() > 1).Select(g => g.Key))
            errors.Add(new(VietQrErrorCode.DuplicateTag, tag, null, $"Tag {tag} lặp lại / Tag {tag} is repeated"));
        if (fields.Count == 0 || fields[0].Tag != "00")
            errors.Add(new(VietQrErrorCode.MisplacedTag, "00", null, "Tag 00 phải đứng đầu / Tag 00 must come first"));
        // The CRC check already required "6304" + 4 characters at the end; here it must also be a real last object.
        if (fields.Count > 0 && (fields[^1].Tag != "63" || fields[^1].Value.Length != 4 || !fields[^1].Value.All(char.IsAsciiHexDigit)))
            errors.Add(new(VietQrErrorCode.MisplacedTag, "63", null, "Tag 63 (CRC, 4 ký tự hex) phải đứng cuối / Tag 63 (CRC, 4 hex digits) must come last"));
    }

    private static (string? Guid, string? Bin, string? Account, string? Service) ReadNapasAccount(
        TlvNode? template, List<VietQrError> errors, List<VietQrError> warnings, Action<string, string, string> missing)
    {
        if (template is null)
        {
            missing("38", "thông tin tài khoản NAPAS", "NAPAS merchant account information");
            return default;
        }
        if (template.Children is null)
            return default; // framing error already reported
        var guid = template.Child("00")?.Value;
        if (guid is null)
        {
            missing("38/00", "định danh GUID", "GUID");
            return default;
        }
        if (guid != VietQrPayload.NapasGuid)
        {
            errors.Add(new(VietQrErrorCode.WrongGuid, "38/00", null, $"GUID phải là {VietQrPayload.NapasGuid}, không phải {guid} / GUID must be {VietQrPayload.NapasGuid}, not {guid}"));
            return (guid, null, null, null);
        }

        var beneficiary = template.Child("01");
        string? bin = null, account = null;
        if (beneficiary is null)
            missing("38/01", "tổ chức thụ hưởng", "beneficiary organisation");
        else if (beneficiary.Children is not null)
        {
            bin = beneficiary.Child("00")?.Value;
            account = beneficiary.Child("01")?.Value;
            if (bin is null)
                missing("38/01/00", "mã BIN ngân hàng", "bank BIN");
            else if (bin.Length != 6 || !bin.All(char.IsAsciiDigit))
                errors.Add(new(VietQrErrorCode.InvalidBin, "38/01/00", null, $"BIN phải gồm 6 chữ số: {bin} / BIN must be 6 digits: {bin}"));
            if (account is null)
                missing("38/01/01", "số tài khoản/thẻ", "account or card number");
            else if (!VietQrPayload.IsValidAccount(account))
                errors.Add(new(VietQrErrorCode.InvalidAccount, "38/01/01", null, $"Số tài khoản không hợp lệ: {account} / Invalid account number: {account}"));
        }

        var service = template.Child("02")?.Value;
        if (service is null && beneficiary?.Child("02")?.Value is { } nested)
        {
            service = nested;
            warnings.Add(new(VietQrErrorCode.ServiceCodeNested, "38/01/02", null, "Mã dịch vụ nằm trong 38/01 thay vì 38/02 / Service code nested at 38/01/02 instead of 38/02"));
        }
        if (service is null)
            missing("38/02", "mã dịch vụ", "service code");
        else if (!KnownServices.Contains(service))
            errors.Add(new(VietQrErrorCode.UnknownService, "38/02", null, $"Mã dịch vụ không xác định: {service} / Unknown service code: {service}"));
        return (guid, bin, account, service);
    }

    private static long? ReadAmount(string? text, List<VietQrError> errors)
    {
        if (text is null)
            return null;
        // VND has no minor unit (ISO 4217 exponent 0), so no decimal point; EMVCo allows 13 characters.
        if (text.Length is 0 or > 13 || !text.All(char.IsAsciiDigit) || text[0] == '0')
        {
            errors.Add(new(VietQrErrorCode.AmountFormat, "54", null, $"Số tiền phải là số nguyên dương, tối đa 13 chữ số: {text} / Amount must be a positive whole number of at most 13 digits: {text}"));
            return null;
        }
        return long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static void CheckTip(string? indicator, string? fixedFee, string? percentage, List<VietQrError> errors)
    {
        if (indicator is null)
            return;
        var problem = indicator switch
        {
            "01" => null,
            "02" when fixedFee is null => "55=02 cần tag 56 (phí cố định) / 55=02 needs tag 56 (fixed fee)",
            "03" when percentage is null => "55=03 cần tag 57 (phần trăm) / 55=03 needs tag 57 (percentage)",
            "02" or "03" => null,
            _ => $"Chỉ báo tiền tip/phí không hợp lệ: {indicator} / Invalid tip or convenience indicator: {indicator}",
        };
        if (problem is not null)
            errors.Add(new(VietQrErrorCode.TipIndicator, "55", null, problem));
    }
}
