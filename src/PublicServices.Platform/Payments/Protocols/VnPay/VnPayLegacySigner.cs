using System.Security.Cryptography;
using System.Text;

namespace PublicServices.Platform.Payments.Protocols.VnPay;

/// <summary>
/// The deprecated v2.0.x rule — hash(secret + raw query), values NOT encoded, MD5 or SHA256 named by
/// vnp_SecureHashType. We never sign with it; it exists only so that an old callback can be recognised
/// (and so the legacy conformance vector is checked rather than skipped).
/// </summary>
public static class VnPayLegacySigner
{
    public static string BuildSignData(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .Where(p => !string.IsNullOrEmpty(p.Value) && p.Key is not ("vnp_SecureHash" or "vnp_SecureHashType"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));

    /// <param name="hashType">"MD5" or "SHA256" (case-insensitive), as sent in vnp_SecureHashType.</param>
    public static string Hash(IEnumerable<KeyValuePair<string, string>> parameters, string hashSecret, string hashType)
    {
        var message = Encoding.UTF8.GetBytes(hashSecret + BuildSignData(parameters));
        var digest = hashType.ToUpperInvariant() switch
        {
#pragma warning disable CA5351 // MD5 is what the legacy protocol defines; verification only.
            "MD5" => MD5.HashData(message),
#pragma warning restore CA5351
            "SHA256" => SHA256.HashData(message),
            _ => throw new ArgumentException($"Unknown legacy hash type {hashType}", nameof(hashType)),
        };
        return Convert.ToHexStringLower(digest);
    }
}
