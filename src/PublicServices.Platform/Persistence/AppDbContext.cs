using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Audit;
using PublicServices.Platform.Datasets;
using PublicServices.Platform.Documents.Issuing;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Notifications;
using PublicServices.Platform.Payments;
using PublicServices.Platform.Sequences;
using PublicServices.Platform.Storage;
using PublicServices.Platform.Tasks;

namespace PublicServices.Platform.Persistence;

/// <summary>
/// The one database of the portal: identity, data-protection keys (shared by every node), and each capability's
/// tables, configured in <c>IEntityTypeConfiguration</c> classes beside the capability.
/// The schema is created by the SQL scripts in Persistence/Migrations, never by EnsureCreated in production.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// Work whose loss on a power cut costs only a repeat (a notification's delivery log: the outbox delivers at least
    /// once anyway) may commit without waiting for the disk — on SQLite, <c>synchronous=NORMAL</c> for this context's
    /// connection (<see cref="SqlitePragmas"/>): its commits no longer hold the single write lock through an fsync while
    /// submissions wait for it, and the next ordinary commit's fsync makes them durable too (the log is sequential).
    /// Set before the context first opens its connection. No effect on PostgreSQL, where commits do not queue on one lock.
    /// </summary>
    public bool RelaxedDurability { get; set; }

    /// <summary>Contexts are pooled: a context goes back with the durability every context starts with.</summary>
    public override void Dispose()
    {
        RelaxedDurability = false;
        base.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public override ValueTask DisposeAsync()
    {
        RelaxedDurability = false;
        return base.DisposeAsync();
    }

    /// <summary>
    /// A short write — <c>SaveChanges</c> with changes, outside an explicit transaction — takes a turn at the database's
    /// write lock on SQLite (<see cref="WriterTurns"/>, shared with the submissions' group writer), so writers queue
    /// in order instead of polling in SQLite's busy handler. Explicit transactions are left alone: the group writer takes
    /// its turn before it begins, and a turn is never taken while the same context holds the lock.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var turn = ShortWriteTurns() is { } turns ? await turns.TakeAsync(cancellationToken) : null;
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <inheritdoc cref="SaveChangesAsync(bool, CancellationToken)"/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var turn = ShortWriteTurns()?.Take();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private WriterTurns? ShortWriteTurns()
    {
        if (Database.CurrentTransaction is not null || !ChangeTracker.HasChanges())
            return null;
        if (!turnsResolved)
            (turns, turnsResolved) = (Database.IsSqlite() ? WriterTurns.OfSqlite(Database.GetConnectionString()) : null, true);
        return turns;
    }

    private WriterTurns? turns;
    private bool turnsResolved;

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<DefinitionRecord> Definitions => Set<DefinitionRecord>();
    public DbSet<InstanceRecord> Instances => Set<InstanceRecord>();
    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();
    public DbSet<JournalEntryRecord> Journal => Set<JournalEntryRecord>();
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();
    public DbSet<OutboxMessageRecord> Outbox => Set<OutboxMessageRecord>();
    public DbSet<BatchJobRecord> BatchJobs => Set<BatchJobRecord>();
    public DbSet<SequenceRecord> Sequences => Set<SequenceRecord>();
    public DbSet<DossierRecord> Dossiers => Set<DossierRecord>();
    public DbSet<AttachmentRecord> Attachments => Set<AttachmentRecord>();
    public DbSet<DraftRecord> Drafts => Set<DraftRecord>();
    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();
    public DbSet<TaskRecord> Tasks => Set<TaskRecord>();
    public DbSet<AuditRecord> Audit => Set<AuditRecord>();
    public DbSet<PaymentRecord> Payments => Set<PaymentRecord>();
    public DbSet<PaymentEventRecord> PaymentEvents => Set<PaymentEventRecord>();
    public DbSet<IssuedDocumentRecord> IssuedDocuments => Set<IssuedDocumentRecord>();
    public DbSet<DatasetRecord> DatasetRecords => Set<DatasetRecord>();
    public DbSet<DatasetImportRecord> DatasetImports => Set<DatasetImportRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        EngineModelConfiguration.Configure(builder);
    }
}
