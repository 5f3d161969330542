using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicServices.Platform.Sequences;

internal sealed class SequenceRecordConfiguration : IEntityTypeConfiguration<SequenceRecord>
{
    public void Configure(EntityTypeBuilder<SequenceRecord> sequence)
    {
        sequence.ToTable("sequences");
        sequence.HasKey(s => s.Scope);
        sequence.Property(s => s.Scope).HasMaxLength(128);
    }
}
