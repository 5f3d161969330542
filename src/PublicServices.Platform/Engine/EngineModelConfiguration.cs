using Microsoft.EntityFrameworkCore;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Engine;

/// <summary>Tables of the workflow engine; indexes serve the hot queries (bookmark lookup by kind/key, due timers, outbox).</summary>
internal static class EngineModelConfiguration
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<DefinitionRecord>(d =>
        {
            d.ToTable("workflow_definitions");
            d.HasKey(x => new { x.DefinitionId, x.Version });
            d.Property(x => x.DefinitionId).HasMaxLength(64);
            d.Property(x => x.ContentHash).HasMaxLength(64);
            d.Property(x => x.FileName).HasMaxLength(256);
        });
        model.Entity<InstanceRecord>(i =>
        {
            i.ToTable("workflow_instances");
            i.HasKey(x => x.Id);
            i.Property(x => x.DefinitionId).HasMaxLength(64);
            i.Property(x => x.Status).HasMaxLength(16);
            i.Property(x => x.Result).HasMaxLength(64);
            i.Property(x => x.Revision).IsConcurrencyToken();
            i.HasIndex(x => new { x.DefinitionId, x.DefinitionVersion, x.Status });
        });
        model.Entity<BookmarkRecord>(b =>
        {
            b.ToTable("workflow_bookmarks");
            b.HasKey(x => x.Id);
            b.Property(x => x.StepId).HasMaxLength(64);
            b.Property(x => x.Kind).HasMaxLength(32);
            b.Property(x => x.Key).HasMaxLength(128);
            b.Property(x => x.LeaseOwner).HasMaxLength(64);
            b.Property(x => x.Dataset).HasMaxLength(64);
            b.Property(x => x.DataKey).HasMaxLength(64);
            // With the id: a batch signal takes its next chunk in id order straight from the index. On (Kind, Key) alone
            // every chunk read and sorted all the waits still left — 1.2 M rows for the cohort's first chunk of 500.
            // Partial: only signals' waits are looked up by key (the queries name the kind as a literal, as the filter
            // does). Every task's wait, keyed by its queue ("role@unit"), was an entry in a page of its unit's: a
            // submissions' group rewrote one such page a unit it touched — 9 % of SQLite's log at 1,000 a second.
            b.HasIndex(x => new { x.Kind, x.Key, x.Id }).HasFilter($"\"Kind\" = '{BookmarkKinds.Signal}'");
            // Partial (as every index here on a column most rows leave empty): a wait without a time writes no entry.
            b.HasIndex(x => x.DueAt).HasFilter("\"DueAt\" IS NOT NULL");
            b.HasIndex(x => x.RemindAt).HasFilter("\"RemindAt\" IS NOT NULL");
            b.HasIndex(x => x.InstanceId);
        });
        model.Entity<JournalEntryRecord>(j =>
        {
            j.ToTable("workflow_journal");
            j.HasKey(x => x.Id);
            j.Property(x => x.StepId).HasMaxLength(64);
            j.Property(x => x.Event).HasMaxLength(32);
            j.Property(x => x.Outcome).HasMaxLength(64);
            j.Property(x => x.Actor).HasMaxLength(128);
            j.HasIndex(x => new { x.InstanceId, x.Id });
        });
        model.Entity<IncidentRecord>(i =>
        {
            i.ToTable("workflow_incidents");
            i.HasKey(x => x.Id);
            i.Property(x => x.StepId).HasMaxLength(64);
            i.Property(x => x.Source).HasMaxLength(16);
            i.Property(x => x.ResolvedBy).HasMaxLength(128);
            i.HasIndex(x => x.ResolvedAt);
            i.HasIndex(x => x.InstanceId);
        });
        model.Entity<OutboxMessageRecord>(o =>
        {
            o.ToTable("outbox_messages");
            o.HasKey(x => x.Id);
            o.Property(x => x.Kind).HasMaxLength(64);
            o.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            o.Property(x => x.LeaseOwner).HasMaxLength(64);
            o.HasIndex(x => new { x.Status, x.DueAt });
        });
        model.Entity<BatchJobRecord>(b =>
        {
            b.ToTable("batch_jobs");
            b.HasKey(x => x.Id);
            b.Property(x => x.Signal).HasMaxLength(64);
            b.Property(x => x.Key).HasMaxLength(128);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.LeaseOwner).HasMaxLength(64);
            b.HasIndex(x => new { x.Status, x.StartAt });
        });
    }
}
