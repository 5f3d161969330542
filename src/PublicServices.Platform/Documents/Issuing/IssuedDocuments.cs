using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Audit;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Storage;
using PublicServices.Platform.Tasks;

namespace PublicServices.Platform.Documents.Issuing;

/// <summary>What the public verification page may show about a document: no more than what is printed on it, the
/// holder's name partly masked.</summary>
public sealed record DocumentVerification(
    string Code, string Title, string Number, DateTime IssuedAt, string? MaskedHolder, string AgencyName, bool Signed,
    string Status, DateTime? RevokedAt, string? RevokedReason, string Sha256);

public enum RevocationResult { Revoked, NotFound, ReasonRequired, AlreadyRevoked }

/// <summary>Reading, verifying and revoking issued documents; who may see what is decided here, not in the pages.</summary>
public sealed class IssuedDocuments(AppDbContext db, IFileStorage storage, AuditLog audit, TimeProvider clock)
{
    /// <summary>The applicant's own document, or null (someone else's looks exactly like a missing one).</summary>
    public Task<IssuedDocumentRecord?> OwnedAsync(Guid id, string applicantId, CancellationToken cancellationToken) =>
        db.IssuedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.ApplicantId == applicantId, cancellationToken);

    /// <summary>Documents issued by the official's unit, newest first, optionally filtered by number, code or dossier.</summary>
    public async Task<List<IssuedDocumentRecord>> OfUnitAsync(OfficialScope official, string? search, int take, CancellationToken cancellationToken)
    {
        var query = db.IssuedDocuments.AsNoTracking().Where(d => d.AgencyCode == official.UnitCode);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var code = VerificationCodes.Normalize(term);
            query = query.Where(d => d.Number == term || d.DossierCode == term || d.VerificationCode == code);
        }
        return await query.OrderByDescending(d => d.IssuedAt).Take(take).ToListAsync(cancellationToken);
    }

    public Task<IssuedDocumentRecord?> FindForUnitAsync(OfficialScope official, Guid id, CancellationToken cancellationToken) =>
        db.IssuedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.AgencyCode == official.UnitCode, cancellationToken);

    public Task<Stream?> OpenAsync(IssuedDocumentRecord document, CancellationToken cancellationToken) =>
        storage.OpenReadAsync(document.StorageKey, cancellationToken);

    public async Task<DocumentVerification?> VerifyAsync(string? typed, CancellationToken cancellationToken)
    {
        if (VerificationCodes.Normalize(typed) is not { } code)
            return null;
        var document = await db.IssuedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.VerificationCode == code, cancellationToken);
        if (document is null)
            return null;
        var agency = await db.Units.Where(u => u.Code == document.AgencyCode).Select(u => u.NameVi).SingleOrDefaultAsync(cancellationToken);
        return new DocumentVerification(VerificationCodes.Display(code), document.Title, document.Number, document.IssuedAt,
            Mask(document.HolderName), agency ?? document.AgencyCode, document.Signed, document.Status, document.RevokedAt,
            document.RevokedReason, document.Sha256);
    }

    /// <summary>Whether a file someone holds is byte for byte the document issued under this code.</summary>
    public static bool SameFile(DocumentVerification verification, Stream file) =>
        Convert.ToHexStringLower(SHA256.HashData(file)) == verification.Sha256;

    /// <summary>Leaders of the issuing unit revoke, with a reason; written to the audit log.</summary>
    public async Task<RevocationResult> RevokeAsync(Guid id, OfficialScope official, string? reason, CancellationToken cancellationToken)
    {
        var document = await db.IssuedDocuments.SingleOrDefaultAsync(d => d.Id == id && d.AgencyCode == official.UnitCode, cancellationToken);
        if (document is null || !official.IsLeader)
            return RevocationResult.NotFound;
        if (string.IsNullOrWhiteSpace(reason))
            return RevocationResult.ReasonRequired;
        if (document.Status == IssuedDocumentStatus.Revoked)
            return RevocationResult.AlreadyRevoked;
        document.Status = IssuedDocumentStatus.Revoked;
        document.RevokedAt = clock.GetUtcNow().UtcDateTime;
        document.RevokedBy = official.UserName;
        document.RevokedReason = reason.Trim().Length > 500 ? reason.Trim()[..500] : reason.Trim();
        audit.Append(official.Actor, "document.revoke", document.Number, $"{document.VerificationCode}: {document.RevokedReason}");
        await db.SaveChangesAsync(cancellationToken);
        return RevocationResult.Revoked;
    }

    /// <summary>"Nguyễn Thị Hồng Nhung" → "Nguyễn T** H*** N****": the family name and initials, enough to recognise, not to harvest.</summary>
    public static string? Mask(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select((word, i) => i == 0 ? word : word[..1] + new string('*', word.Length - 1)));
    }
}
