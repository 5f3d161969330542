using Microsoft.Extensions.Configuration;

namespace PublicServices.Platform.Documents.Signing;

/// <summary>
/// <c>Documents:Signing</c>: where the agency's signing certificate comes from and what each signature says.
/// Production sets <see cref="CertificatePath"/> (a PFX) and <see cref="CertificatePassword"/> (from the environment,
/// <c>Documents__Signing__CertificatePassword</c>, never from a file in the repository). Development sets
/// <see cref="GenerateDevelopmentCertificate"/>: a self-signed demo certificate is made on first start in the data
/// folder and reused afterwards.
/// </summary>
public sealed class DocumentSigningOptions
{
    public const string Section = "Documents:Signing";
    public const string DefaultReason = "Ký số văn bản kết quả thủ tục hành chính";

    /// <summary>PFX (PKCS#12) file with the signing certificate, its private key and, optionally, its chain.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Without <see cref="CertificatePath"/>: make (once) and use a self-signed development certificate.</summary>
    public bool GenerateDevelopmentCertificate { get; set; }

    /// <summary>The signature's /Reason.</summary>
    public string Reason { get; set; } = DefaultReason;

    /// <summary>The signature's /Location when the document model has no <c>place</c>.</summary>
    public string? Location { get; set; }

    /// <summary>The signature's /ContactInfo; without it, the document's <c>agency</c>.</summary>
    public string? ContactInfo { get; set; }

    public static DocumentSigningOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DocumentSigningOptions>() ?? new DocumentSigningOptions();
}
