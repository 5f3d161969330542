using System.Security.Cryptography;
using System.Text;

namespace PublicServices.Platform.Payments.Protocols.VnPay;

/// <summary>
/// The v2.1.0 vnp_SecureHash rule: drop vnp_SecureHash/vnp_SecureHashType and empty values, sort keys
/// ordinally, form-URL-encode keys and values (UTF-8, space → "+", upper-case %XX), join with "&amp;",
/// HMAC-SHA512 with the hash secret, hex. Proven against ../shared/conformance/vnpay-vectors.json.
/// </summary>
public static class VnPaySigner
{
    private static readonly string[] ExcludedKeys = ["vnp_SecureHash", "vnp_SecureHashType"];

    public static string BuildSignData(
        IEnumerable<KeyValuePair<string, string>> parameters,
        VnPayFormEncoding encoding = VnPayFormEncoding.PhpUrlencode)
    {
        var pairs = parameters
            .Where(p => !string.IsNullOrEmpty(p.Value) && !ExcludedKeys.Contains(p.Key, StringComparer.Ordinal))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => VnPayFormEncoder.Encode(p.Key, encoding) + "=" + VnPayFormEncoder.Encode(p.Value, encoding));
        return string.Join('&', pairs);
    }

    /// <summary>HMAC-SHA512 of the sign data, lower-case hex (as VNPay's PHP demo emits).</summary>
    public static string Hmac(string signData, string hashSecret) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(hashSecret), Encoding.UTF8.GetBytes(signData)));

    public static string Sign(IEnumerable<KeyValuePair<string, string>> parameters, string hashSecret) =>
        Hmac(BuildSignData(parameters), hashSecret);

    /// <summary>
    /// Checks a received vnp_SecureHash in constant time, ignoring hex case. The canonical PHP encoding is
    /// tried first; only when a value holds one of ~ * ! ' ( ) — where VNPay client encoders disagree and
    /// we cannot know which one the signer used — are the other variants tried. Each is still an HMAC with
    /// our secret, so the tolerance does not weaken the check.
    /// </summary>
    public static bool Verify(IReadOnlyCollection<KeyValuePair<string, string>> parameters, string? providedHash, string hashSecret)
    {
        if (string.IsNullOrEmpty(providedHash) || providedHash.Length != 128 || !IsHex(providedHash))
            return false;
        var provided = Convert.FromHexString(providedHash);
        var variants = parameters.Any(p => p.Value is not null && VnPayFormEncoder.ContainsPitfall(p.Value))
            ? Enum.GetValues<VnPayFormEncoding>()
            : [VnPayFormEncoding.PhpUrlencode];
        var key = Encoding.UTF8.GetBytes(hashSecret);
        var matched = false;
        foreach (var variant in variants)
        {
            var expected = HMACSHA512.HashData(key, Encoding.UTF8.GetBytes(BuildSignData(parameters, variant)));
            matched |= CryptographicOperations.FixedTimeEquals(expected, provided);
        }
        return matched;
    }

    private static bool IsHex(string s)
    {
        foreach (var c in s)
            if (!char.IsAsciiHexDigit(c))
                return false;
        return true;
    }
}
