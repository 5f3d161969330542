namespace PublicServices.Platform.Payments.Protocols.VnPay;

/// <summary>
/// Variants of application/x-www-form-urlencoded seen in VNPay integrations. They agree on every
/// character except ~ * ! ' ( ), so they only matter when a value contains one of those.
/// </summary>
public enum VnPayFormEncoding
{
    /// <summary>PHP urlencode, the official VNPay demo: only A-Z a-z 0-9 - _ . stay literal. Our canonical form.</summary>
    PhpUrlencode,

    /// <summary>WHATWG URLSearchParams and Java URLEncoder: also leave * literal.</summary>
    WhatwgForm,

    /// <summary>.NET WebUtility.UrlEncode (official C# VnPayLibrary): also leave ! ( ) * literal.</summary>
    DotNetWebUtility,

    /// <summary>JS encodeURIComponent with %20 → +: also leave ~ ! * ' ( ) literal.</summary>
    EncodeUriComponent,
}
