namespace PublicServices.Platform.Notifications;

/// <summary>
/// A message delivered to an applicant (or an official), in both languages, on one channel (in-app, e-mail, SMS) with its
/// delivery status. In-app messages are shown on the dossier page; one record per outbox message and channel, so a
/// redelivered message is neither shown nor sent twice. Administrators read them all at <c>/admin/notifications</c>.
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
    /// <summary>Where it went: the e-mail address or phone number at the time of sending; null in-app.</summary>
    public string? Address { get; init; }
    /// <summary>Attempts to hand it to its channel (e-mail, SMS).</summary>
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? LastAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
}
