using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicServices.Platform.Payments;

internal sealed class PaymentRecordConfiguration : IEntityTypeConfiguration<PaymentRecord>
{
    public void Configure(EntityTypeBuilder<PaymentRecord> payment)
    {
        payment.ToTable("payments");
        payment.HasKey(p => p.Id);
        payment.Property(p => p.Reference).HasMaxLength(64);
        payment.Property(p => p.DossierCode).HasMaxLength(40);
        payment.Property(p => p.ApplicantId).HasMaxLength(64);
        payment.Property(p => p.Provider).HasMaxLength(16);
        payment.Property(p => p.Description).HasMaxLength(255);
        payment.Property(p => p.Status).HasMaxLength(16);
        payment.Property(p => p.ProviderTxnId).HasMaxLength(64);
        payment.Property(p => p.ResponseCode).HasMaxLength(8);
        payment.Property(p => p.Flag).HasMaxLength(128);
        payment.HasIndex(p => p.Reference).IsUnique();
        // One credit per provider transaction, enforced by the database even under concurrent notifications.
        payment.HasIndex(p => new { p.Provider, p.ProviderTxnId }).IsUnique();
        payment.HasIndex(p => p.DossierCode);
        payment.HasIndex(p => new { p.Status, p.ExpiresAt });
    }
}

internal sealed class PaymentEventRecordConfiguration : IEntityTypeConfiguration<PaymentEventRecord>
{
    public void Configure(EntityTypeBuilder<PaymentEventRecord> paymentEvent)
    {
        paymentEvent.ToTable("payment_events");
        paymentEvent.HasKey(e => e.Id);
        paymentEvent.Property(e => e.Id).ValueGeneratedOnAdd();
        paymentEvent.Property(e => e.Reference).HasMaxLength(64);
        paymentEvent.Property(e => e.Provider).HasMaxLength(16);
        paymentEvent.Property(e => e.Kind).HasMaxLength(16);
        paymentEvent.Property(e => e.Result).HasMaxLength(32);
        paymentEvent.HasIndex(e => new { e.Reference, e.Id });
        paymentEvent.HasIndex(e => e.At);
    }
}
