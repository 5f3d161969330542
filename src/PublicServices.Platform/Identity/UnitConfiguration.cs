using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicServices.Platform.Identity;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> unit)
    {
        unit.ToTable("units");
        unit.HasKey(u => u.Code);
        unit.Property(u => u.Code).HasMaxLength(32);
        unit.Property(u => u.NameVi).HasMaxLength(256);
        unit.Property(u => u.NameEn).HasMaxLength(256);
        unit.Property(u => u.Kind).HasConversion<string>().HasMaxLength(32);
        unit.Property(u => u.ParentCode).HasMaxLength(32);
        unit.HasIndex(u => u.ParentCode);
        unit.Property(u => u.Place).HasMaxLength(64);
        unit.Property(u => u.SuperiorNameVi).HasMaxLength(256);
    }
}
