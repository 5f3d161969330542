using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicServices.Platform.Documents.Issuing;

internal sealed class IssuedDocumentRecordConfiguration : IEntityTypeConfiguration<IssuedDocumentRecord>
{
    public void Configure(EntityTypeBuilder<IssuedDocumentRecord> document)
    {
        document.ToTable("issued_documents");
        document.HasKey(d => d.Id);
        document.Property(d => d.VerificationCode).HasMaxLength(16);
        document.HasIndex(d => d.VerificationCode).IsUnique();
        document.HasIndex(d => d.BookmarkId).IsUnique();
        document.HasIndex(d => d.DossierCode);
        document.HasIndex(d => new { d.AgencyCode, d.IssuedAt });
        document.Property(d => d.Number).HasMaxLength(64);
        document.Property(d => d.AgencyCode).HasMaxLength(32);
        document.Property(d => d.TemplateId).HasMaxLength(64);
        document.Property(d => d.Title).HasMaxLength(256);
        document.Property(d => d.DossierCode).HasMaxLength(64);
        document.Property(d => d.ApplicantId).HasMaxLength(64);
        document.Property(d => d.HolderName).HasMaxLength(128);
        document.Property(d => d.Sha256).HasMaxLength(64);
        document.Property(d => d.StorageKey).HasMaxLength(128);
        document.Property(d => d.Status).HasMaxLength(16);
        document.Property(d => d.RevokedBy).HasMaxLength(128);
        document.Property(d => d.RevokedReason).HasMaxLength(500);
    }
}
