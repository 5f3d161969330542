using System.Text;
using PublicServices.Workflows.Text;

namespace PublicServices.Platform.Notifications;

/// <summary>
/// SMS are sent in the GSM 7-bit alphabet: Vietnamese without tone marks, as brandname SMS in Việt Nam usually are. One
/// segment then holds 160 characters; a single marked letter would switch the whole message to UCS-2 and 70 characters
/// per segment (billed per segment). Authors write normal Vietnamese in templates; the marks are removed on sending.
/// </summary>
public static class SmsText
{
    public const int SegmentLength = 160;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "^{}\\[~]|€";

    public static bool IsGsm7(char c) => Basic.Contains(c) || Extension.Contains(c);

    /// <summary>The text as sent: tone marks removed, typographic punctuation made plain, anything else outside GSM-7 as '?'.</summary>
    public static string ToGsm7(string text)
    {
        var plain = VietnameseText.RemoveDiacritics(text);
        var builder = new StringBuilder(plain.Length);
        foreach (var c in plain)
            builder.Append(c switch
            {
                '–' or '—' or '‑' => '-',
                '“' or '”' or '„' => '"',
                '‘' or '’' => '\'',
                '…' => '.',
                '\u00A0' or '\t' => ' ',
                _ when IsGsm7(c) => c,
                _ => '?',
            });
        return builder.ToString();
    }
}
