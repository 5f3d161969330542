using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.Signatures;

namespace PublicServices.Platform.Documents.Signing;

/// <summary>What a page may show about the signing certificate.</summary>
public sealed record SigningCertificateInfo(
    string Subject, string Issuer, string Thumbprint, string Sha256Thumbprint, DateTimeOffset NotBefore, DateTimeOffset NotAfter,
    string KeyAlgorithm, bool Development);

/// <summary>
/// Signs rendered documents with the agency's certificate: a detached CMS (CAdES-style: SHA-256, signed attributes
/// content-type, message-digest and ESS signing-certificate-v2; no signing-time, the PDF's /M holds the time) placed in
/// the PDF by PDFsharp's own signing support (<see cref="DigitalSignatureHandler"/>), sub-filter ETSI.CAdES.detached
/// (PAdES baseline B), with /Reason, /Location, /ContactInfo and /Name. One instance serves every thread.
/// </summary>
public sealed class DocumentSigner : IDisposable
{
    private static readonly Oid Sha256 = new("2.16.840.1.101.3.4.2.1", "sha256");

    private readonly SigningCertificate signing;
    private readonly AsnEncodedData signingCertificateV2;
    private readonly ThreadLocal<AsymmetricAlgorithm> keys;
    private readonly int signatureSize;

    public DocumentSigner(SigningCertificate signing, DocumentSigningOptions options)
    {
        this.signing = signing;
        Options = options;
        var certificate = signing.Certificate;
        signingCertificateV2 = SigningCertificates.SigningCertificateV2(certificate);
        // A key object per thread: the platform does not promise that one may sign on several threads at once.
        keys = new ThreadLocal<AsymmetricAlgorithm>(() => (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey() ?? certificate.GetRSAPrivateKey()
            ?? throw new InvalidOperationException($"'{certificate.Subject}' has no RSA or ECDSA private key."), trackAllValues: true);
        var name = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        SignerName = string.IsNullOrEmpty(name) ? certificate.Subject : name;
        Certificate = new SigningCertificateInfo(
            certificate.Subject, certificate.Issuer, certificate.Thumbprint, certificate.GetCertHashString(HashAlgorithmName.SHA256),
            new DateTimeOffset(certificate.NotBefore), new DateTimeOffset(certificate.NotAfter),
            certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value ?? "", signing.Development);
        // ECDSA signatures vary by a few bytes (DER integers); the room PDFsharp reserves must fit the longest.
        signatureSize = Sign([0]).Length + 16;
    }

    public DocumentSigningOptions Options { get; }

    /// <summary>The certificate's common name, written as the signature's /Name.</summary>
    public string SignerName { get; }

    /// <summary>The signing certificate: subject, thumbprints, validity, for display.</summary>
    public SigningCertificateInfo Certificate { get; }

    public X509Certificate2 X509 => signing.Certificate;

    /// <summary>A detached CMS SignedData over <paramref name="content"/>, DER.</summary>
    public byte[] Sign(byte[] content)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signing.Certificate, keys.Value)
        {
            DigestAlgorithm = Sha256,
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.AddRange(signing.Chain);
        // With a signed attribute present, .NET adds content-type and message-digest itself.
        signer.SignedAttributes.Add(signingCertificateV2);
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>
    /// Sets PDFsharp up to sign <paramref name="document"/> while it is saved into <paramref name="output"/>.
    /// <paramref name="beforeSigning"/> may still change the saved bytes in place (same length) just before they are
    /// hashed. The signature field covers <paramref name="area"/> (PDF user space) on page <paramref name="pageIndex"/>
    /// and draws nothing: the page already prints the signature block.
    /// </summary>
    internal void Prepare(PdfDocument document, MemoryStream output, int pageIndex, XRect area, string location, string contactInfo,
        Action<Span<byte>>? beforeSigning)
    {
        var dictionary = new SignatureDictionaryCompletion(document, contactInfo, SignerName);
        DigitalSignatureHandler.ForDocument(document, new PdfSigner(this, output, beforeSigning), new DigitalSignatureOptions
        {
            Reason = Options.Reason,
            Location = location,
            ContactInfo = contactInfo,
            AppName = "PublicServices",
            PageIndex = pageIndex,
            Rectangle = area,
            AppearanceHandler = dictionary,
        });
    }

    public void Dispose()
    {
        foreach (var key in keys.Values)
            key.Dispose();
        keys.Dispose();
    }

    /// <summary>PDFsharp's view of the signer for one document.</summary>
    private sealed class PdfSigner(DocumentSigner owner, MemoryStream output, Action<Span<byte>>? beforeSigning) : IDigitalSigner
    {
        public string CertificateName => owner.SignerName;

        public Task<int> GetSignatureSizeAsync() => Task.FromResult(owner.signatureSize);

        /// <summary><paramref name="stream"/> reads the two signed byte ranges of the saved file, which is <c>output</c>.</summary>
        public Task<byte[]> GetSignatureAsync(Stream stream)
        {
            beforeSigning?.Invoke(output.GetBuffer().AsSpan(0, (int)output.Length));
            var content = new byte[stream.Length];
            stream.Position = 0;
            stream.ReadExactly(content);
            return Task.FromResult(owner.Sign(content));
        }
    }

    /// <summary>
    /// PDFsharp 6.2 writes /Reason and /Location but not /ContactInfo nor /Name, and names the sub-filter
    /// adbe.pkcs7.detached. It asks the field's appearance handler to draw while it saves, after the signature
    /// dictionary exists and before anything is written: this handler completes the dictionary then, and draws nothing.
    /// </summary>
    private sealed class SignatureDictionaryCompletion(PdfDocument document, string contactInfo, string name) : IAnnotationAppearanceHandler
    {
        public void DrawAppearance(XGraphics gfx, XRect rect)
        {
            foreach (var signature in document.Internals.GetAllObjects().OfType<PdfSignature2>())
            {
                signature.Elements["/SubFilter"] = new PdfName("/ETSI.CAdES.detached");
                signature.Elements["/ContactInfo"] = new PdfString(contactInfo);
                signature.Elements["/Name"] = new PdfString(name);
            }
        }
    }
}
