using PublicServices.Platform.Documents.Issuing;

namespace PublicServices.Web.Features.Verify;

public static class DocumentFiles
{
    /// <summary>"van-ban-15-2026-BSVB.pdf": the document number, safe for every browser's download bar.</summary>
    public static string Name(IssuedDocumentRecord document) =>
        "van-ban-" + new string(document.Number.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()) + ".pdf";
}
