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
        // number steps count in memory and write once per unit of work, conditioned on the value they read (DbSequenceSource).
        sequence.Property(s => s.Last).IsConcurrencyToken();
    }
}
