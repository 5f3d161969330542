using System.Text;
using PublicServices.Workflows.Text;

namespace PublicServices.Platform.Payments.Protocols.VnPay;

/// <summary>
/// VNPay wants vnp_OrderInfo "Tiếng Việt không dấu, không ký tự đặc biệt". We also drop ~ * ! ' ( ),
/// the characters on which form encoders disagree, so our signature cannot depend on VNPay's encoder.
/// </summary>
public static class VnPayOrderInfo
{
    public const int MaxLength = 255;
    private const string AllowedPunctuation = "-_.,:/#";

    /// <summary>Diacritics removed, anything but ASCII letters, digits, space and - _ . , : / # turned into spaces, runs of spaces collapsed, cut to 255.</summary>
    public static string Sanitize(string text)
    {
        var plain = VietnameseText.RemoveDiacritics(text);
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
