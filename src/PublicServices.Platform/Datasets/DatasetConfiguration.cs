using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicServices.Platform.Datasets;

internal sealed class DatasetRecordConfiguration : IEntityTypeConfiguration<DatasetRecord>
{
    public void Configure(EntityTypeBuilder<DatasetRecord> record)
    {
        record.ToTable("dataset_records");
        record.HasKey(r => new { r.Dataset, r.Key });
        record.Property(r => r.Dataset).HasMaxLength(64);
        record.Property(r => r.Key).HasMaxLength(64);
    }
}

internal sealed class DatasetImportRecordConfiguration : IEntityTypeConfiguration<DatasetImportRecord>
{
    public void Configure(EntityTypeBuilder<DatasetImportRecord> import)
    {
        import.ToTable("dataset_imports");
        import.HasKey(i => i.Id);
        import.Property(i => i.Dataset).HasMaxLength(64);
        import.Property(i => i.FileSha256).HasMaxLength(64);
        import.Property(i => i.FileName).HasMaxLength(256);
        import.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        import.HasIndex(i => new { i.Dataset, i.FileSha256 }).IsUnique();
    }
}
