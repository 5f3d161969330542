using System.Globalization;
using System.Text;

namespace PublicServices.Platform.Payments.Protocols.VnPay;

/// <summary>
/// VNPay wants vnp_OrderInfo "Tiếng Việt không dấu, không ký tự đặc biệt". We also drop ~ * ! ' ( ),
/// the characters on which form encoders disagree, so our signature cannot depend on VNPay's encoder.
/// </summary>
public static class VnPayOrderInfo
{
    public const int MaxLength = 255;
    private const string AllowedPunctuation = "-_.,:/#";

    public static string RemoveDiacritics(string text)
    {
        // đ/Đ are letters of their own, not d + a mark, so Unicode decomposition leaves them alone.
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(c);
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Diacritics removed, anything but ASCII letters, digits, space and - _ . , : / # turned into spaces, runs of spaces collapsed, cut to 255.</summary>
    public static string Sanitize(string text)
    {
        var plain = RemoveDiacritics(text);
        var builder = new StringBuilder(plain.Length);
        foreach (var c in plain)
        {
            var keep = char.IsAsciiLetterOrDigit(c) || AllowedPunctuation.Contains(c);
            if (keep)
                builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != ' ')
                builder.Append(' ');
        }
        var result = builder.ToString().Trim();
        return result.Length <= MaxLength ? result : result[..MaxLength].TrimEnd();
    }
}
