using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using PublicServices.Platform.Documents;
using PublicServices.Platform.Documents.Signing;

namespace PublicServices.Platform.Tests.Documents;

public sealed partial class DocumentSigningTests : IDisposable
{
    private readonly string dataPath = Directory.CreateTempSubdirectory("document-signing-").FullName;
    private readonly DocumentTemplateCatalog catalog = DocumentSamples.Catalog();

    public void Dispose() => Directory.Delete(dataPath, recursive: true);

    private static readonly DocumentSigningOptions Development = new() { GenerateDevelopmentCertificate = true };

    private DocumentRenderer SigningRenderer(DocumentSigningOptions? options = null)
    {
        options ??= Development;
        return new DocumentRenderer(DocumentFonts.Locate(null), new DocumentSigner(SigningCertificates.Load(options, dataPath, TimeProvider.System), options));
    }

    [Fact]
    public void A_signed_document_verifies_against_the_signed_byte_ranges_with_our_certificate()
    {
        var renderer = SigningRenderer();
        var pdf = renderer.RenderSigned(catalog.Get("diploma-copy"), DocumentSamples.DiplomaCopy());

        var signature = SignatureOf(pdf);
        var cms = Verify(pdf, signature);

        Assert.Equal(0, signature.Ranges[0]);
        Assert.Equal(pdf.Length, signature.Ranges[2] + signature.Ranges[3]);
        Assert.Equal(renderer.Signer!.Certificate.Thumbprint, cms.SignerInfos[0].Certificate!.Thumbprint);
        Assert.Equal("2.16.840.1.101.3.4.2.1", cms.SignerInfos[0].DigestAlgorithm.Value); // SHA-256
        // PAdES: ESS signing-certificate-v2 signed, no CMS signing-time (the PDF's /M has the time).
        var signed = cms.SignerInfos[0].SignedAttributes.Cast<CryptographicAttributeObject>().Select(a => a.Oid.Value).ToList();
        Assert.Contains("1.2.840.113549.1.9.16.2.47", signed);
        Assert.DoesNotContain("1.2.840.113549.1.9.5", signed);
    }

    [Theory]
    [InlineData(0.1)] // the header and the page content
    [InlineData(0.9)] // after the signature: fonts, cross-reference table
    public void Changing_one_signed_byte_breaks_the_signature(double where)
    {
        var pdf = SigningRenderer().RenderSigned(catalog.Get("diploma-copy"), DocumentSamples.DiplomaCopy());
        var signature = SignatureOf(pdf);
        Verify(pdf, signature);

        var index = (int)(pdf.Length * where);
        Assert.False(index >= signature.Ranges[1] && index < signature.Ranges[2], "the byte must be inside a signed range");
        pdf[index] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => Verify(pdf, signature));
    }

    [Fact]
    public void Documents_signed_on_several_threads_at_once_all_verify()
    {
        var renderer = SigningRenderer();
        var template = catalog.Get("diploma-copy");

        var pdfs = new byte[16][];
        Parallel.For(0, pdfs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var model = DocumentSamples.DiplomaCopy();
            model["copies"] = i + 1;
            pdfs[i] = renderer.RenderSigned(template, model);
        });

        foreach (var pdf in pdfs)
            Assert.Equal(renderer.Signer!.Certificate.Thumbprint, Verify(pdf, SignatureOf(pdf)).SignerInfos[0].Certificate!.Thumbprint);
        Assert.Equal(pdfs.Length, pdfs.Select(p => Convert.ToHexString(SHA256.HashData(p))).Distinct().Count());
    }

    [Fact]
    public void The_signature_dictionary_names_reason_location_contact_and_signer()
    {
        var renderer = SigningRenderer();
        var pdf = renderer.RenderSigned(catalog.Get("diploma-copy"), DocumentSamples.DiplomaCopy());

        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var field = document.AcroForm!.Fields[0];
        var dictionary = field.Elements.GetDictionary("/V")!;

        Assert.Equal("/Sig", field.Elements.GetName("/FT"));
        Assert.Equal("/ETSI.CAdES.detached", dictionary.Elements.GetName("/SubFilter"));
        Assert.Equal("Ký số văn bản kết quả thủ tục hành chính", dictionary.Elements.GetString("/Reason"));
        Assert.Equal("Hà Nội", dictionary.Elements.GetString("/Location"));
        Assert.Equal("Sở Giáo dục và Đào tạo Hà Nội", dictionary.Elements.GetString("/ContactInfo"));
        Assert.Equal("Sở Giáo dục và Đào tạo (demo)", dictionary.Elements.GetString("/Name"));
        // The field lies over the signature block, on the page.
        var rect = field.Elements.GetRectangle("/Rect");
        Assert.True(rect.Width > 100 && rect.Height > 40 && rect.Y1 > 0, rect.ToString());
    }

    [Fact]
    public void A_signed_document_still_prints_the_Vietnamese_text_exactly()
    {
        var pdf = SigningRenderer().RenderSigned(catalog.Get("diploma-copy"), DocumentSamples.DiplomaCopy());
        var text = DocumentSamples.PdfToText(pdf);

        foreach (var expected in new[]
        {
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Nguyễn Thị Hồng Nhung", "Hà Nội, ngày 05 tháng 03 năm 2025",
            "PHÓ GIÁM ĐỐC", "(Đã ký số)", "Lê Quang Duyệt", "Mã tra cứu: 7K3M-9QX2", "Trang 1/1",
        })
            Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Poppler_finds_one_valid_signature_over_the_whole_document()
    {
        var pdf = SigningRenderer().RenderSigned(catalog.Get("diploma-copy"), DocumentSamples.DiplomaCopy());
        var file = Path.Combine(dataPath, "signed.pdf");
        File.WriteAllBytes(file, pdf);

        var report = DocumentSamples.Run("pdfsig", [file]);

        Assert.Contains("Signature Type: ETSI.CAdES.detached", report, StringComparison.Ordinal);
        Assert.Contains("Total document signed", report, StringComparison.Ordinal);
        Assert.Contains("Signature Validation: Signature is Valid.", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature #2", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_signings_of_the_same_input_differ_only_in_the_signature_time_and_value()
    {
        var renderer = SigningRenderer();
        var first = renderer.RenderSigned(catalog.Get("diploma-copy"), DocumentSamples.DiplomaCopy());
        var second = renderer.RenderSigned(catalog.Get("diploma-copy"), DocumentSamples.DiplomaCopy());
        var unsigned = renderer.Render(catalog.Get("diploma-copy"), DocumentSamples.DiplomaCopy());

        Assert.Equal(first.Length, second.Length);
        var signature = SignatureOf(first);
        var time = SigningTime().Match(Encoding.Latin1.GetString(first)).Groups[1];
        for (var i = 0; i < first.Length; i++)
            if (first[i] != second[i])
                Assert.True(i >= signature.Ranges[1] && i < signature.Ranges[2] || i >= time.Index && i < time.Index + time.Length,
                    $"byte {i} differs outside the signature");
        // The page content and fonts are those of the unsigned rendering.
        Assert.Contains(FirstStream(unsigned), Encoding.Latin1.GetString(first), StringComparison.Ordinal);
    }

    [Fact]
    public void The_development_certificate_is_made_once_in_the_data_folder_and_reused()
    {
        var first = SigningCertificates.Load(Development, dataPath, TimeProvider.System);
        var second = SigningCertificates.Load(Development, dataPath, TimeProvider.System);

        Assert.True(File.Exists(SigningCertificates.DevelopmentPath(dataPath)));
        Assert.StartsWith(dataPath, SigningCertificates.DevelopmentPath(dataPath), StringComparison.Ordinal);
        Assert.Equal(first.Certificate.Thumbprint, second.Certificate.Thumbprint);
        Assert.True(first.Development);
        var certificate = first.Certificate;
        Assert.Equal("Sở Giáo dục và Đào tạo (demo)", certificate.GetNameInfo(X509NameType.SimpleName, false));
        Assert.Equal("CN=Sở Giáo dục và Đào tạo (demo), O=PublicServices demo, C=VN", certificate.Subject);
        Assert.NotNull(certificate.GetECDsaPublicKey());
        Assert.True(certificate.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature));
        Assert.InRange((certificate.NotAfter - certificate.NotBefore).TotalDays, 365 * 5 - 1, 365 * 5 + 2);
    }

    [Fact]
    public void A_configured_PFX_is_used_with_its_password()
    {
        var path = Path.Combine(dataPath, "agency.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Sở Giáo dục và Đào tạo Hà Nội, O=UBND thành phố Hà Nội, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "mật khẩu-123"));
        }
        var options = new DocumentSigningOptions { CertificatePath = path, CertificatePassword = "mật khẩu-123", GenerateDevelopmentCertificate = true };

        var renderer = SigningRenderer(options);
        var pdf = renderer.RenderSigned(catalog.Get("refusal-letter"), DocumentSamples.RefusalLetter());
        var cms = Verify(pdf, SignatureOf(pdf));

        Assert.False(renderer.Signer!.Certificate.Development);
        Assert.Equal("Sở Giáo dục và Đào tạo Hà Nội", cms.SignerInfos[0].Certificate!.GetNameInfo(X509NameType.SimpleName, false));
        Assert.Equal(renderer.Signer.Certificate.Thumbprint, cms.SignerInfos[0].Certificate!.Thumbprint);
        Assert.False(File.Exists(SigningCertificates.DevelopmentPath(dataPath)), "a configured PFX wins over the development certificate");

        var wrong = Assert.Throws<InvalidOperationException>(() =>
            SigningCertificates.Load(new DocumentSigningOptions { CertificatePath = path, CertificatePassword = "sai" }, dataPath, TimeProvider.System));
        Assert.Contains("Documents:Signing:CertificatePassword", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_certificate_or_the_development_switch_loading_fails_naming_the_settings()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SigningCertificates.Load(new DocumentSigningOptions(), dataPath, TimeProvider.System));

        Assert.Contains("Documents:Signing:CertificatePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("Documents:Signing:GenerateDevelopmentCertificate", error.Message, StringComparison.Ordinal);
    }

    private sealed record Signature(long[] Ranges, byte[] Cms);

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();

    [GeneratedRegex(@"/Type\s*/Sig\b[^>]*?/M\s*\((D:[^)]*)\)")]
    private static partial Regex SigningTime();

    /// <summary>/ByteRange and /Contents of the (only) signature: the DER CMS, without the zero padding after it.</summary>
    private static Signature SignatureOf(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var matches = ByteRange().Matches(text);
        Assert.Single(matches);
        var ranges = Enumerable.Range(1, 4).Select(i => long.Parse(matches[0].Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var contents = text[(int)ranges[1]..(int)ranges[2]];
        Assert.StartsWith("<", contents, StringComparison.Ordinal);
        Assert.EndsWith(">", contents, StringComparison.Ordinal);
        var padded = Convert.FromHexString(contents[1..^1]);
        AsnDecoder.ReadEncodedValue(padded, AsnEncodingRules.BER, out _, out _, out var length);
        return new Signature(ranges, padded[..length]);
    }

    /// <summary>Detached CMS over the two byte ranges; CheckSignature(true) checks the signature, not the trust.</summary>
    private static SignedCms Verify(byte[] pdf, Signature signature)
    {
        var r = signature.Ranges;
        var content = pdf.AsSpan((int)r[0], (int)r[1]).ToArray().Concat(pdf.AsSpan((int)r[2], (int)r[3]).ToArray()).ToArray();
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        cms.Decode(signature.Cms);
        cms.CheckSignature(verifySignatureOnly: true);
        return cms;
    }

    private static string FirstStream(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var start = text.IndexOf("stream\n", StringComparison.Ordinal);
        return text.Substring(start, 400);
    }
}
