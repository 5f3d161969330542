using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PublicServices.Platform.Documents.Issuing;
using PublicServices.Web.Hosting;

namespace PublicServices.Web.Features.Verify;

/// <summary>
/// The public check of an issued document (no sign-in): the code printed on it, or scanned from its QR code, shows
/// whether it is genuine and still valid; a PDF someone received can be compared byte for byte with the record.
/// Rate-limited per address, and codes carry 80 random bits, so they cannot be guessed or enumerated.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.Verify)]
public sealed class VerifyController(IssuedDocuments documents) : Controller
{
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    [HttpGet("/verify")]
    public IActionResult Index(string? code) =>
        string.IsNullOrWhiteSpace(code) ? View(new VerifyModel(null, null, null))
        : VerificationCodes.Normalize(code) is { } normalized ? Redirect($"/verify/{VerificationCodes.Display(normalized)}")
        : View(new VerifyModel(code, null, null) { Malformed = true });

    [HttpGet("/verify/{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken ct) => Result(code, await documents.VerifyAsync(code, ct), null);

    [HttpPost("/verify/{code}")]
    [RequestSizeLimit(MaxUploadBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
    public async Task<IActionResult> Compare(string code, IFormFile? file, CancellationToken ct)
    {
        var verification = await documents.VerifyAsync(code, ct);
        if (verification is null || file is null || file.Length == 0)
            return Result(code, verification, verification is null ? null : FileComparison.NoFile);
        await using var stream = file.OpenReadStream();
        return Result(code, verification, IssuedDocuments.SameFile(verification, stream) ? FileComparison.Same : FileComparison.Different);
    }

    private ViewResult Result(string code, DocumentVerification? verification, FileComparison? comparison)
    {
        if (verification is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Index", new VerifyModel(code, verification, comparison));
    }
}

public enum FileComparison { NoFile, Same, Different }

public sealed record VerifyModel(string? Code, DocumentVerification? Verification, FileComparison? Comparison)
{
    public bool Malformed { get; init; }
}
