using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicServices.Platform.Audit;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> audit)
    {
        audit.ToTable("audit_log");
        audit.HasKey(a => a.Id);
        audit.Property(a => a.Id).ValueGeneratedOnAdd();
        audit.Property(a => a.UserId).HasMaxLength(64);
        audit.Property(a => a.UserName).HasMaxLength(256);
        audit.Property(a => a.Action).HasMaxLength(64);
        audit.Property(a => a.Target).HasMaxLength(64);
        audit.Property(a => a.IpAddress).HasMaxLength(64);
        audit.HasIndex(a => a.At);
        audit.HasIndex(a => new { a.Target, a.Id });
        audit.HasIndex(a => new { a.UserId, a.Id });
    }
}
