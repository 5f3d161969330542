using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicServices.Platform.Payments.Sandbox;

internal sealed class SandboxGatewayRecordConfiguration : IEntityTypeConfiguration<SandboxGatewayRecord>
{
    public void Configure(EntityTypeBuilder<SandboxGatewayRecord> book)
    {
        book.ToTable("sandbox_gateway");
        book.HasKey(g => g.Reference);
        book.Property(g => g.Reference).HasMaxLength(64);
        book.Property(g => g.Description).HasMaxLength(255);
        book.Property(g => g.ReturnUrl).HasMaxLength(256);
        book.Property(g => g.Status).HasMaxLength(16);
        book.Property(g => g.TxnId).HasMaxLength(64);
        book.Property(g => g.ResponseCode).HasMaxLength(8);
    }
}
