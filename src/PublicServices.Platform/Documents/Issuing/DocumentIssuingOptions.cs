namespace PublicServices.Platform.Documents.Issuing;

/// <summary>Configuration "Documents": the public address printed on documents and in their QR codes.</summary>
public sealed class DocumentIssuingOptions
{
    /// <summary>The portal's public address, e.g. https://dichvucong.moet.gov.vn — documents link to {this}/verify/{code}.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    public string VerifyUrl(string code) => $"{PublicBaseUrl.TrimEnd('/')}/verify/{VerificationCodes.Display(code)}";
}
