using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicServices.Platform.Storage;

internal sealed class AttachmentRecordConfiguration : IEntityTypeConfiguration<AttachmentRecord>
{
    public void Configure(EntityTypeBuilder<AttachmentRecord> attachment)
    {
        attachment.ToTable("attachments");
        attachment.HasKey(a => a.Id);
        attachment.Property(a => a.OwnerId).HasMaxLength(64);
        attachment.Property(a => a.FileName).HasMaxLength(200);
        attachment.Property(a => a.ContentType).HasMaxLength(64);
        attachment.Property(a => a.StorageKey).HasMaxLength(128);
        attachment.Property(a => a.DossierCode).HasMaxLength(40);
        attachment.HasIndex(a => a.OwnerId);
        // Partial: files not yet part of a dossier are found by id; a claim then adds an entry instead of moving one.
        attachment.HasIndex(a => a.DossierCode).HasFilter("\"DossierCode\" IS NOT NULL");
    }
}
