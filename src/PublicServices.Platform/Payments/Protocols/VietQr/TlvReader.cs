using System.Text;
using System.Text.Unicode;

namespace PublicServices.Platform.Payments.Protocols.VietQr;

/// <summary>
/// Frames a TLV string by its lengths only (tags are checked afterwards, once framing succeeded), so
/// the first error reported is the first place the lengths stop adding up. Lengths count UTF-8 bytes
/// or, for the fallback some wallets need, characters.
/// </summary>
internal static class TlvReader
{
    public static bool TryRead(string text, bool countBytes, string path, out List<TlvNode> nodes, out VietQrError? error)
    {
        nodes = [];
        error = null;
        var bytes = countBytes ? Encoding.UTF8.GetBytes(text) : null;
        var length = bytes?.Length ?? text.Length;
        char Unit(int i) => bytes is null ? text[i] : (char)bytes[i];

        var position = 0;
        while (position < length)
        {
            if (length - position < 4)
            {
                error = new(VietQrErrorCode.TruncatedHeader, path, position,
                    $"Thiếu tag/độ dài tại vị trí {position} / Truncated header at {position}");
                return false;
            }
            if (!char.IsAsciiDigit(Unit(position + 2)) || !char.IsAsciiDigit(Unit(position + 3)))
            {
                error = new(VietQrErrorCode.NonNumericLength, path, position,
                    $"Độ dài không phải số tại vị trí {position} / Non-numeric length at {position}");
                return false;
            }
            var valueLength = (Unit(position + 2) - '0') * 10 + (Unit(position + 3) - '0');
            var tag = Slice(text, bytes, position, 2);
            if (position + 4 + valueLength > length)
            {
                error = new(VietQrErrorCode.ValueTruncated, path, position,
                    $"Giá trị của tag {tag} ngắn hơn độ dài khai báo {valueLength} / Value of tag {tag} shorter than its declared length {valueLength}");
                return false;
            }
            if (bytes is not null && !Utf8.IsValid(bytes.AsSpan(position, 4 + valueLength)))
            {
                // A length that cuts a multi-byte character: not a byte-counted TLV.
                error = new(VietQrErrorCode.ValueTruncated, path, position,
                    $"Độ dài của tag {tag} cắt ngang một ký tự / Length of tag {tag} splits a character");
                return false;
            }
            nodes.Add(new TlvNode(tag, Slice(text, bytes, position + 4, valueLength), position));
            position += 4 + valueLength;
        }
        return true;
    }

    private static string Slice(string text, byte[]? bytes, int start, int count) =>
        bytes is null ? text.Substring(start, count) : Encoding.UTF8.GetString(bytes, start, count);
}
