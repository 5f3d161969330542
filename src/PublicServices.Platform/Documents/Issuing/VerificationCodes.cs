using System.Security.Cryptography;

namespace PublicServices.Platform.Documents.Issuing;

/// <summary>
/// Public verification codes: 80 random bits as 16 Crockford base-32 characters (no I, L, O, U), shown in groups of four
/// ("7KQ2-M9XD-4TZA-H3PE"). Unguessable, short enough to type from paper, and forgiving of case, dashes and spaces.
/// </summary>
public static class VerificationCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 16;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[10];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[Length];
        ulong high = ((ulong)bytes[0] << 32) | ((ulong)bytes[1] << 24) | ((ulong)bytes[2] << 16) | ((ulong)bytes[3] << 8) | bytes[4];
        ulong low = ((ulong)bytes[5] << 32) | ((ulong)bytes[6] << 24) | ((ulong)bytes[7] << 16) | ((ulong)bytes[8] << 8) | bytes[9];
        for (var i = 7; i >= 0; i--, high >>= 5, low >>= 5)
        {
            chars[i] = Alphabet[(int)(high & 31)];
            chars[i + 8] = Alphabet[(int)(low & 31)];
        }
        return new string(chars);
    }

    /// <summary>The stored form of what someone typed or scanned, or null when it cannot be a code.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
            return null;
        var chars = new List<char>(Length);
        foreach (var raw in input)
        {
            if (raw is '-' or ' ')
                continue;
            var c = char.ToUpperInvariant(raw) switch { 'O' => '0', 'I' or 'L' => '1', var other => other };
            if (!Alphabet.Contains(c))
                return null;
            chars.Add(c);
        }
        return chars.Count == Length ? new string(chars.ToArray()) : null;
    }

    public static string Display(string code) => string.Join('-', code.Chunk(4).Select(c => new string(c)));
}
