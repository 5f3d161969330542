using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicServices.Platform.Notifications;

internal sealed class NotificationRecordConfiguration : IEntityTypeConfiguration<NotificationRecord>
{
    public void Configure(EntityTypeBuilder<NotificationRecord> notification)
    {
        notification.ToTable("notifications");
        notification.HasKey(n => n.Id);
        notification.HasIndex(n => new { n.OutboxMessageId, n.Channel }).IsUnique();
        notification.HasIndex(n => new { n.RecipientId, n.CreatedAt });
        notification.HasIndex(n => n.DossierCode);
        notification.HasIndex(n => n.CreatedAt);
        notification.Property(n => n.RecipientId).HasMaxLength(64);
        notification.Property(n => n.DossierCode).HasMaxLength(40);
        notification.Property(n => n.Template).HasMaxLength(64);
        notification.Property(n => n.Channel).HasMaxLength(16);
        notification.Property(n => n.Status).HasMaxLength(16);
        notification.Property(n => n.SubjectVi).HasMaxLength(256);
        notification.Property(n => n.SubjectEn).HasMaxLength(256);
        notification.Property(n => n.FailureReason).HasMaxLength(512);
        notification.Property(n => n.Address).HasMaxLength(256);
    }
}
