using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicServices.Platform.Identity;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> user)
    {
        user.Property(u => u.FullName).HasMaxLength(128);
        user.Property(u => u.Cccd).HasMaxLength(12);
        user.Property(u => u.UnitCode).HasMaxLength(32);
        // Officials are looked up per unit (queues, leaders to escalate to).
        user.HasIndex(u => u.UnitCode);
        user.HasIndex(u => u.Cccd);
    }
}
