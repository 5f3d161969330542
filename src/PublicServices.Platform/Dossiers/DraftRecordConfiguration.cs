using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicServices.Platform.Dossiers;

internal sealed class DraftRecordConfiguration : IEntityTypeConfiguration<DraftRecord>
{
    public void Configure(EntityTypeBuilder<DraftRecord> draft)
    {
        draft.ToTable("drafts");
        draft.HasKey(d => d.Id);
        draft.Property(d => d.ApplicantId).HasMaxLength(64);
        draft.Property(d => d.ProcedureId).HasMaxLength(64);
        draft.HasIndex(d => new { d.ApplicantId, d.ProcedureId });
        draft.HasIndex(d => d.ExpiresAt);
        draft.Property(d => d.ParentDossierCode).HasMaxLength(40);
    }
}
