namespace PublicServices.Platform.Documents.Issuing;

/// <summary>
/// One issued document: its number in the agency's yearly register, the public verification code printed on it, where
/// its PDF is stored and the SHA-256 of those exact bytes, and whether it is still valid.
/// </summary>
public sealed class IssuedDocumentRecord
{
    public Guid Id { get; init; }
    /// <summary>16 Crockford base-32 characters = 80 random bits; printed and inside the QR code.</summary>
    public required string VerificationCode { get; init; }
    public required string Number { get; init; }
    public required string AgencyCode { get; init; }
    public required string TemplateId { get; init; }
    public required string Title { get; init; }
    public Guid InstanceId { get; init; }
    /// <summary>The document step's bookmark: one document per step reached, whatever the outbox redelivers.</summary>
    public Guid BookmarkId { get; init; }
    public string? DossierCode { get; init; }
    public string? ApplicantId { get; init; }
    public string? HolderName { get; init; }
    public DateTime IssuedAt { get; init; }
    public required string Sha256 { get; init; }
    public required string StorageKey { get; init; }
    public long SizeBytes { get; init; }
    public bool Signed { get; init; }
    public string Status { get; set; } = IssuedDocumentStatus.Valid;
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public string? RevokedReason { get; set; }
}

public static class IssuedDocumentStatus
{
    public const string Valid = "valid";
    public const string Revoked = "revoked";
}
