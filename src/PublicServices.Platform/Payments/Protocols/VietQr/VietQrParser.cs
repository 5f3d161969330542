using System.Globalization;

namespace PublicServices.Platform.Payments.Protocols.VietQr;

/// <summary>
/// Reads a VietQR (NAPAS 247, EMVCo merchant-presented) payload. Never throws on bad input: every problem
/// becomes a <see cref="VietQrError"/> with its tag path. Checks in order: CRC, framing, templates, rules.
/// </summary>
public static class VietQrParser
{
    public static VietQrParseResult Parse(string? payload)
    {
        payload ??= "";
        var errors = new List<VietQrError>();
        var warnings = new List<VietQrError>();
        var (crcValid, inPayload, computed) = CheckCrc(payload, errors);
        var result = new VietQrParseResult { Payload = payload, CrcValid = crcValid, CrcInPayload = inPayload, CrcComputed = computed };

        if (payload.Length < 12)
        {
            errors.Insert(0, new(VietQrErrorCode.PayloadTooShort, "", null, "Chuỗi QR quá ngắn / QR payload too short"));
            return result with { Errors = errors };
        }

        var countBytes = true;
        if (!TlvReader.TryRead(payload, true, "", out var top, out var framingError))
        {
            // Some wallets count characters, not bytes; accept that only if it frames the whole payload.
            if (!TlvReader.TryRead(payload, false, "", out top, out _))
            {
                errors.Insert(0, framingError!);
                return result with { Errors = errors };
            }
            countBytes = false;
            warnings.Add(new(VietQrErrorCode.LengthsInCharacters, "", null,
                "Độ dài được tính theo ký tự, không theo byte UTF-8 / Lengths count characters, not UTF-8 bytes"));
        }

        var fields = top.Select(node => DecodeTemplate(node, countBytes, errors)).ToList();
        result = result with { Fields = fields };
        return VietQrRules.Apply(result, errors, warnings);
    }

    private static (bool Valid, string? InPayload, string? Computed) CheckCrc(string payload, List<VietQrError> errors)
    {
        if (payload.Length < 8 || string.CompareOrdinal(payload, payload.Length - 8, "6304", 0, 4) != 0)
        {
            errors.Add(new(VietQrErrorCode.MisplacedTag, "63", null, "Thiếu mã CRC (6304) ở cuối / CRC (6304) missing at the end"));
            return (false, null, null);
        }
        var inPayload = payload[^4..];
        var computed = Crc16CcittFalse.ComputeHex(payload[..^4]);
        var valid = string.Equals(inPayload, computed, StringComparison.OrdinalIgnoreCase);
        if (!valid)
            errors.Add(new(VietQrErrorCode.BadCrc, "63", null, $"Sai mã CRC: {inPayload}, đúng là {computed} / Bad CRC: {inPayload}, expected {computed}"));
        return (valid, inPayload, computed);
    }

    private static TlvNode DecodeTemplate(TlvNode node, bool countBytes, List<VietQrError> errors)
    {
        if (!int.TryParse(node.Tag, NumberStyles.None, CultureInfo.InvariantCulture, out var tag)
            || !(tag is >= 26 and <= 51 or 62 or 64))
            return node;
        if (!TlvReader.TryRead(node.Value, countBytes, node.Tag, out var children, out var error))
        {
            errors.Add(error!);
            return node;
        }
        // 38/01 (beneficiary organisation) is itself a template, but only under the NAPAS GUID:
        // other schemes put opaque identifiers in their sub-tag 01.
        if (children.FirstOrDefault(c => c.Tag == "00")?.Value == VietQrPayload.NapasGuid)
        {
            children = children.Select(c => c.Tag != "01" ? c
                : TlvReader.TryRead(c.Value, countBytes, $"{node.Tag}/01", out var inner, out var innerError)
                    ? c with { Children = inner }
                    : Report(c, innerError!, errors)).ToList();
        }
        return node with { Children = children };
    }

    private static TlvNode Report(TlvNode node, VietQrError error, List<VietQrError> errors)
    {
        errors.Add(error);
        return node;
    }
}
