using System.Text;

namespace PublicServices.Platform.Payments.Protocols.VnPay;

/// <summary>Form-URL-encoding over UTF-8 with space → "+" and UPPER-case %XX, in the variants VNPay clients use.</summary>
public static class VnPayFormEncoder
{
    /// <summary>The ASCII characters on which the encoders disagree; we never send them.</summary>
    public const string PitfallCharacters = "~*!'()";

    public static string Encode(string value, VnPayFormEncoding encoding = VnPayFormEncoding.PhpUrlencode)
    {
        var extraLiteral = encoding switch
        {
            VnPayFormEncoding.WhatwgForm => "*",
            VnPayFormEncoding.DotNetWebUtility => "!()*",
            VnPayFormEncoding.EncodeUriComponent => "~!*'()",
            _ => "",
        };
        var builder = new StringBuilder(value.Length * 3 / 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' || extraLiteral.Contains(c)))
                builder.Append(c);
            else if (c == ' ')
                builder.Append('+');
            else
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    public static bool ContainsPitfall(string value) => value.AsSpan().IndexOfAny(PitfallCharacters) >= 0;
}
