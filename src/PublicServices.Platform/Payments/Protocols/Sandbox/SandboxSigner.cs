using System.Security.Cryptography;
using System.Text;
using PublicServices.Platform.Payments.Protocols.VnPay;

namespace PublicServices.Platform.Payments.Protocols.Sandbox;

/// <summary>
/// The sandbox gateway's signature: HMAC-SHA256 with the sandbox's own secret over the canonical string
/// of the fields — "signature" left out, keys sorted ordinally, key=value form-URL-encoded over UTF-8
/// (the same encoder as VNPay's), joined with "&amp;"; lower-case hex. Unlike VNPay, empty values are kept,
/// so that a field cannot silently disappear from the signed set.
/// </summary>
public static class SandboxSigner
{
    public const string SignatureField = "signature";

    public static string BuildCanonical(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields
            .Where(f => f.Key != SignatureField)
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => VnPayFormEncoder.Encode(f.Key) + "=" + VnPayFormEncoder.Encode(f.Value ?? "")));

    public static string Sign(IEnumerable<KeyValuePair<string, string>> fields, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(BuildCanonical(fields))));

    /// <summary>Constant-time comparison; hex case ignored.</summary>
    public static bool Verify(IEnumerable<KeyValuePair<string, string>> fields, string? signature, string secret)
    {
        if (signature is not { Length: 64 } || !signature.All(char.IsAsciiHexDigit))
            return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(BuildCanonical(fields)));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signature));
    }
}
