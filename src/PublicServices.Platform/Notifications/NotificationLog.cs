using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Notifications;

/// <summary>What the delivery log is narrowed to: a status, a channel, a dossier code (any may be empty).</summary>
public sealed record DeliveryFilter(string? Status, string? Channel, string? DossierCode);

/// <summary>One delivery as the log shows it, with the recipient's name and account e-mail.</summary>
public sealed record DeliveryEntry(
    Guid Id, string Template, string Channel, string Status, string? FailureReason, string? DossierCode,
    string? Address, string? RecipientName, string? RecipientEmail, int Attempts,
    DateTime CreatedAt, DateTime? LastAttemptAt, DateTime? SentAt, string SubjectVi, string SubjectEn);

public sealed record DeliveryPage(IReadOnlyList<DeliveryEntry> Items, int Page, bool HasNext);

/// <summary>
/// The delivery log of <c>/admin/notifications</c>: every notification record (in-app, e-mail, SMS), newest first,
/// filtered by status, channel and dossier code, a page at a time.
/// </summary>
public sealed class NotificationLog(AppDbContext db)
{
    public const int PageSize = 50;

    public async Task<DeliveryPage> PageAsync(DeliveryFilter filter, int page, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var query = db.Notifications.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Status))
            query = query.Where(n => n.Status == filter.Status);
        if (!string.IsNullOrWhiteSpace(filter.Channel))
            query = query.Where(n => n.Channel == filter.Channel);
        if (!string.IsNullOrWhiteSpace(filter.DossierCode))
        {
            var code = filter.DossierCode.Trim().ToUpperInvariant(); // codes are written in capitals (SGD-01-261125-0001)
            query = query.Where(n => n.DossierCode == code);
        }
        var rows = await (
                from n in query
                join u in db.Users on n.RecipientId equals u.Id into recipients
                from u in recipients.DefaultIfEmpty()
                orderby n.CreatedAt descending, n.Id descending
                select new DeliveryEntry(n.Id, n.Template, n.Channel, n.Status, n.FailureReason, n.DossierCode, n.Address,
                    u == null ? null : u.FullName, u == null ? null : u.Email, n.Attempts, n.CreatedAt, n.LastAttemptAt, n.SentAt,
                    n.SubjectVi, n.SubjectEn))
            .Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        return new DeliveryPage(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }
}
