namespace PublicServices.Platform.Payments;

/// <summary>
/// One attempt to pay a dossier's fee with one provider. <see cref="Reference"/> is what the provider carries
/// (vnp_TxnRef, the VietQR purpose, the sandbox's paymentRef); <see cref="ProviderTxnId"/> is unique once confirmed, so a
/// transaction is credited once. The dossier's payment wait stays open after a failed or cancelled attempt: the
/// applicant may try again until the step expires.
/// </summary>
public sealed class PaymentRecord
{
    public Guid Id { get; init; }
    public required string Reference { get; init; }
    public required string DossierCode { get; init; }
    public required string ApplicantId { get; init; }
    public Guid InstanceId { get; init; }
    /// <summary>The payment wait this attempt pays.</summary>
    public Guid BookmarkId { get; init; }
    public required string Provider { get; init; }
    public long AmountVnd { get; init; }
    public required string Description { get; init; }
    public required string Status { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime ExpiresAt { get; init; }
    public DateTime? CompletedAt { get; set; }
    public string? ProviderTxnId { get; set; }
    public string? ResponseCode { get; set; }
    /// <summary>Set when money arrived that cannot be credited (after expiry or cancellation): finance must refund it.</summary>
    public string? Flag { get; set; }
}

public static class PaymentStatus
{
    public const string Pending = "pending";
    public const string Paid = "paid";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";
}
