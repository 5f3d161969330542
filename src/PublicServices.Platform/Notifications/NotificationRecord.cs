namespace PublicServices.Platform.Notifications;

/// <summary>
/// A message delivered to an applicant, in both languages, with its delivery status. In-app messages are shown on the
/// dossier page; one record per outbox message, so a redelivered message is not shown twice.
/// </summary>
public sealed class NotificationRecord
{
    public Guid Id { get; init; }
    /// <summary>The outbox message delivered (unique: redelivery is not shown twice); null for messages the portal
    /// raises itself, such as escalations.</summary>
    public Guid? OutboxMessageId { get; init; }
    public required string RecipientId { get; init; }
    public string? DossierCode { get; init; }
    public required string Template { get; init; }
    public required string Channel { get; init; }
    public required string SubjectVi { get; init; }
    public required string BodyVi { get; init; }
    public required string SubjectEn { get; init; }
    public required string BodyEn { get; init; }
    /// <summary><c>queued</c>, <c>sent</c> or <c>failed</c>.</summary>
    public required string Status { get; set; }
    public string? FailureReason { get; set; }
    public DateTime CreatedAt { get; init; }
}
