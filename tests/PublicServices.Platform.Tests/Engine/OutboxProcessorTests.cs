using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Tests.Persistence;

namespace PublicServices.Platform.Tests.Engine;

public sealed class OutboxProcessorTests
{
    private sealed class FlakyHandler(int failures) : IOutboxHandler
    {
        public List<Guid> Delivered { get; } = [];
        public int Calls { get; private set; }
        public string Kind => "test";

        public Task HandleAsync(OutboxMessageRecord message, CancellationToken cancellationToken)
        {
            Calls++;
            if (Calls <= failures)
                throw new InvalidOperationException("SMTP 451 try later");
            Delivered.Add(message.Id);
            return Task.CompletedTask;
        }
    }

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 4, 21, 8, 0, 0, TimeSpan.Zero));
    private readonly WorkerOptions options = new() { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromSeconds(30), Lease = TimeSpan.FromMinutes(2) };

    private async Task<(DatabaseOptions Db, Guid Id)> WithMessageAsync()
    {
        var db = TestDatabases.NewSqlite();
        await using var context = await TestDatabases.MigratedAsync(db);
        var id = Guid.NewGuid();
        context.Outbox.Add(new OutboxMessageRecord
        {
            Id = id, Kind = "test", PayloadJson = "{}", Status = OutboxStatus.Pending,
            DueAt = clock.GetUtcNow().UtcDateTime, CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await context.SaveChangesAsync();
        return (db, id);
    }

    private OutboxProcessor Processor(DatabaseOptions db, IOutboxHandler handler) =>
        new(new TestContextFactory(db), new LeaseClaims(db), [handler], clock, options, NullLogger<OutboxProcessor>.Instance);

    private static async Task<OutboxMessageRecord> ReadAsync(DatabaseOptions db, Guid id)
    {
        await using var context = TestDatabases.Context(db);
        return await context.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task Should_retry_with_backoff_then_deliver()
    {
        var (db, id) = await WithMessageAsync();
        var handler = new FlakyHandler(failures: 1);
        var processor = Processor(db, handler);

        await processor.ProcessDueAsync("node-a", default);
        var afterFailure = await ReadAsync(db, id);
        var tooEarly = await processor.ProcessDueAsync("node-a", default);
        clock.Advance(TimeSpan.FromSeconds(31));
        await processor.ProcessDueAsync("node-a", default);

        Assert.Equal(OutboxStatus.Pending, afterFailure.Status);
        Assert.Equal("SMTP 451 try later", afterFailure.LastError);
        Assert.Equal(0, tooEarly);
        Assert.Equal(OutboxStatus.Done, (await ReadAsync(db, id)).Status);
        Assert.Equal([id], handler.Delivered);
    }

    [Fact]
    public async Task Should_open_an_incident_when_retries_run_out_and_keep_the_message()
    {
        var (db, id) = await WithMessageAsync();
        var processor = Processor(db, new FlakyHandler(failures: 100));

        for (var i = 0; i < 5; i++)
        {
            await processor.ProcessDueAsync("node-a", default);
            clock.Advance(TimeSpan.FromMinutes(10));
        }

        var message = await ReadAsync(db, id);
        await using var context = TestDatabases.Context(db);
        var incident = await context.Incidents.SingleAsync();
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(3, message.Attempts);
        Assert.Equal(id, incident.OutboxMessageId);
        Assert.Contains("SMTP 451", incident.Error);
    }

    [Fact]
    public async Task Should_redo_work_once_after_a_worker_crashed_between_claim_and_completion()
    {
        var (db, id) = await WithMessageAsync();
        await using (var context = TestDatabases.Context(db))
            await new LeaseClaims(db).ClaimOutboxAsync(context, "crashed-node", clock.GetUtcNow().UtcDateTime, options.Lease, 10, default);
        var handler = new FlakyHandler(failures: 0);
        var processor = Processor(db, handler);

        var whileLeased = await processor.ProcessDueAsync("node-b", default);
        clock.Advance(options.Lease + TimeSpan.FromSeconds(1));
        var afterExpiry = await processor.ProcessDueAsync("node-b", default);
        var again = await processor.ProcessDueAsync("node-b", default);

        Assert.Equal(0, whileLeased);
        Assert.Equal(1, afterExpiry);
        Assert.Equal(0, again);
        Assert.Equal([id], handler.Delivered);
    }
}
