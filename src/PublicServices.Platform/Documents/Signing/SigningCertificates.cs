using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PublicServices.Platform.Documents.Signing;

/// <summary>The signing certificate with its private key, the certificates of its chain, and whether it is the demo one.</summary>
public sealed record SigningCertificate(X509Certificate2 Certificate, X509Certificate2Collection Chain, bool Development);

/// <summary>
/// Finds the signing certificate: the configured PFX, else the development certificate in the data folder (made on
/// first start), else a start-up error naming the settings.
/// </summary>
public static class SigningCertificates
{
    public const string DevelopmentFileName = "development-signing.pfx";

    /// <summary>Where the development certificate lives: &lt;data folder&gt;/signing/development-signing.pfx.</summary>
    public static string DevelopmentPath(string dataPath) => Path.Combine(dataPath, "signing", DevelopmentFileName);

    public static SigningCertificate Load(DocumentSigningOptions options, string dataPath, TimeProvider clock)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
            return FromPfx(options.CertificatePath, options.CertificatePassword, clock);
        if (options.GenerateDevelopmentCertificate)
            return Development(DevelopmentPath(dataPath), options.CertificatePassword, clock);
        throw new InvalidOperationException(
            "Chưa cấu hình chứng thư số để ký văn bản / No certificate to sign documents with: set " +
            "Documents:Signing:CertificatePath (a PFX file; its password in Documents:Signing:CertificatePassword, e.g. the " +
            "environment variable Documents__Signing__CertificatePassword) or, outside production, " +
            "Documents:Signing:GenerateDevelopmentCertificate=true.");
    }

    public static SigningCertificate FromPfx(string path, string? password, TimeProvider clock)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"Documents:Signing:CertificatePath: không có tệp / no file '{path}'.");
        X509Certificate2Collection all;
        try
        {
            all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"Documents:Signing:CertificatePath: không đọc được '{path}' / cannot read the PFX '{path}' " +
                $"(wrong Documents:Signing:CertificatePassword?): {e.Message}", e);
        }
        var certificate = all.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new InvalidOperationException($"Documents:Signing:CertificatePath: '{path}' holds no private key.");
        if (certificate.GetECDsaPrivateKey() is null && certificate.GetRSAPrivateKey() is null)
            throw new InvalidOperationException($"Documents:Signing:CertificatePath: '{path}' holds neither an RSA nor an ECDSA key.");
        if (certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } usage
            && (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
            throw new InvalidOperationException($"Documents:Signing:CertificatePath: '{certificate.Subject}' is not for digital signatures (key usage {usage.KeyUsages}).");
        var now = clock.GetLocalNow().DateTime;
        if (now < certificate.NotBefore || now > certificate.NotAfter)
            throw new InvalidOperationException(
                $"Documents:Signing:CertificatePath: '{certificate.Subject}' is valid {certificate.NotBefore:yyyy-MM-dd} to {certificate.NotAfter:yyyy-MM-dd} only.");
        var chain = new X509Certificate2Collection();
        foreach (var other in all)
            if (!ReferenceEquals(other, certificate) && other.SubjectName.RawData.AsSpan().SequenceEqual(other.IssuerName.RawData) is false)
                chain.Add(other); // intermediates; a self-signed root is left out, as verifiers must hold it themselves
        return new SigningCertificate(certificate, chain, Development: false);
    }

    /// <summary>
    /// The development certificate at <paramref name="path"/>: reused while it loads and has more than 30 days left,
    /// otherwise made anew. Several processes starting at once: each writes a temporary file and the first rename wins.
    /// </summary>
    public static SigningCertificate Development(string path, string? password, TimeProvider clock)
    {
        if (TryLoadDevelopment(path, password, clock) is { } existing)
            return existing;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var pfx = CreateDevelopmentPfx(password, clock);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, pfx);
        try
        {
            File.Move(temporary, path, overwrite: File.Exists(path) && TryLoadDevelopment(path, password, clock) is null);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process wrote it first: use theirs.
        }
        finally
        {
            File.Delete(temporary);
        }
        return TryLoadDevelopment(path, password, clock)
            ?? throw new InvalidOperationException($"Documents:Signing:GenerateDevelopmentCertificate: cannot use '{path}'.");
    }

    private static SigningCertificate? TryLoadDevelopment(string path, string? password, TimeProvider clock)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey || certificate.NotAfter < clock.GetLocalNow().DateTime.AddDays(30))
                return null;
            return new SigningCertificate(certificate, [], Development: true);
        }
        catch (CryptographicException)
        {
            return null; // unreadable (e.g. the password changed): made anew
        }
    }

    /// <summary>
    /// A self-signed ECDSA P-256 certificate for five years, key usage digital signature and non-repudiation, extended
    /// key usage document signing. P-256 rather than RSA-2048: the signature is 72 bytes instead of 256 and the
    /// certificate about 300 bytes smaller (both are in every PDF, hex-encoded, so twice that), and signing takes tens of
    /// microseconds instead of about a millisecond.
    /// </summary>
    public static byte[] CreateDevelopmentPfx(string? password, TimeProvider clock)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        // The builder encodes the last added first: C, O, CN in the certificate, read "CN=…, O=…, C=VN".
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName("Sở Giáo dục và Đào tạo (demo)");
        name.AddOrganizationName("PublicServices demo");
        name.AddCountryOrRegion("VN");
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.4.1.311.10.3.12", "Document Signing"), new Oid("1.2.840.113583.1.1.5", "Adobe Authentic Documents Trust")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = clock.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(5));
        return certificate.Export(X509ContentType.Pfx, password);
    }

    /// <summary>
    /// The ESS signing-certificate-v2 attribute (RFC 5035) naming the certificate by its SHA-256 hash, required by
    /// PAdES/CAdES so that the signer certificate cannot be substituted.
    /// </summary>
    internal static AsnEncodedData SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence()) // SigningCertificateV2
        using (writer.PushSequence()) // certs
        using (writer.PushSequence()) // ESSCertIDv2 (hashAlgorithm: the default, SHA-256)
            writer.WriteOctetString(certificate.GetCertHash(HashAlgorithmName.SHA256));
        return new AsnEncodedData(new Oid("1.2.840.113549.1.9.16.2.47", "signingCertificateV2"), writer.Encode());
    }
}
