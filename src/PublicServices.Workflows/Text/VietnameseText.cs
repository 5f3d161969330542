using System.Globalization;
using System.Text;

namespace PublicServices.Workflows.Text;

/// <summary>
/// Vietnamese text without its marks: for search that finds "Công nhận văn bằng" from "cong nhan van bang", for SMS
/// (one segment holds 160 plain characters but only 70 with diacritics) and for gateways that refuse them (VNPay).
/// </summary>
public static class VietnameseText
{
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

    /// <summary>Search key: marks removed, lower case, whitespace runs collapsed to one space, trimmed.</summary>
    public static string Fold(string text) =>
        string.Join(' ', RemoveDiacritics(text).ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Whether every word of <paramref name="query"/> occurs in <paramref name="text"/>, ignoring marks and case.</summary>
    public static bool Matches(string text, string query)
    {
        var folded = Fold(text);
        return Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).All(word => folded.Contains(word, StringComparison.Ordinal));
    }
}
