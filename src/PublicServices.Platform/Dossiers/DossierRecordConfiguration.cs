using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicServices.Platform.Dossiers;

internal sealed class DossierRecordConfiguration : IEntityTypeConfiguration<DossierRecord>
{
    public void Configure(EntityTypeBuilder<DossierRecord> dossier)
    {
        dossier.ToTable("dossiers");
        dossier.HasKey(d => d.Code);
        dossier.Property(d => d.Code).HasMaxLength(40);
        dossier.Property(d => d.ProcedureId).HasMaxLength(64);
        dossier.Property(d => d.ApplicantId).HasMaxLength(64);
        dossier.Property(d => d.AgencyCode).HasMaxLength(32);
        dossier.Property(d => d.IdempotencyKey).HasMaxLength(64);
        dossier.Property(d => d.DeclarationVersion).HasMaxLength(64);
        dossier.HasIndex(d => new { d.ApplicantId, d.IdempotencyKey }).IsUnique();
        dossier.HasIndex(d => d.InstanceId).IsUnique();
        dossier.Property(d => d.ParentDossierCode).HasMaxLength(40);
        dossier.HasIndex(d => d.ParentDossierCode).HasFilter("\"ParentDossierCode\" IS NOT NULL"); // most dossiers have none
        dossier.Property(d => d.UniqueKey).HasMaxLength(200);
        // NULLs are distinct in a unique index on SQLite and PostgreSQL alike: dossiers without a key never clash.
        dossier.HasIndex(d => new { d.ProcedureId, d.UniqueKey }).IsUnique();
    }
}
