using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PublicServices.Platform.Tasks;

/// <summary>Indexes follow the queues: role+unit by due order (available), claimant by due order (mine), due scan (escalation).</summary>
internal sealed class TaskRecordConfiguration : IEntityTypeConfiguration<TaskRecord>
{
    public void Configure(EntityTypeBuilder<TaskRecord> task)
    {
        task.ToTable("tasks");
        task.HasKey(t => t.Id);
        task.Property(t => t.ProcedureId).HasMaxLength(64);
        task.Property(t => t.StepId).HasMaxLength(64);
        task.Property(t => t.Role).HasMaxLength(64);
        task.Property(t => t.UnitCode).HasMaxLength(32);
        task.Property(t => t.DossierCode).HasMaxLength(40);
        task.Property(t => t.ApplicantName).HasMaxLength(128);
        task.Property(t => t.Cccd).HasMaxLength(12);
        task.Property(t => t.SearchText).HasMaxLength(256);
        task.Property(t => t.EscalateTo).HasMaxLength(64);
        task.Property(t => t.ClaimedBy).HasMaxLength(64);
        task.Property(t => t.ClaimedByName).HasMaxLength(128);
        task.HasIndex(t => new { t.Role, t.UnitCode, t.QueueOrder, t.Id });
        // Partial: a new task is nobody's yet, and writes no entry ("mine" asks for one claimant, never for none).
        task.HasIndex(t => new { t.ClaimedBy, t.QueueOrder, t.Id }).HasFilter("\"ClaimedBy\" IS NOT NULL");
        task.HasIndex(t => new { t.EscalatedAt, t.QueueOrder });
        task.HasIndex(t => t.InstanceId);
        task.HasIndex(t => t.DossierCode);
    }
}
