using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Tests.Persistence;

namespace PublicServices.Platform.Tests.Engine;

public sealed class LeaseClaimsTests
{
    private static readonly DateTime Now = new(2026, 4, 21, 8, 0, 0, DateTimeKind.Utc);

    private static async Task<DatabaseOptions> WithDueBookmarksAsync(DatabaseProvider provider, int count)
    {
        var options = await TestDatabases.NewAsync(provider);
        await using var db = await TestDatabases.MigratedAsync(options);
        for (var i = 0; i < count; i++)
            db.Bookmarks.Add(new BookmarkRecord
            {
                Id = Guid.NewGuid(), InstanceId = Guid.NewGuid(), StepId = "wait", Kind = "timer",
                DueAt = Now.AddMinutes(-i), CreatedAt = Now.AddDays(-1),
            });
        db.Bookmarks.Add(new BookmarkRecord
        {
            Id = Guid.NewGuid(), InstanceId = Guid.NewGuid(), StepId = "later", Kind = "timer", DueAt = Now.AddHours(1), CreatedAt = Now,
        });
        await db.SaveChangesAsync();
        return options;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_give_each_due_bookmark_to_exactly_one_of_two_racing_workers(DatabaseProvider provider)
    {
        var options = await WithDueBookmarksAsync(provider, 200);
        var claims = new LeaseClaims(options);

        async Task<List<Guid>> Worker(string name)
        {
            await using var db = TestDatabases.Context(options);
            var mine = new List<Guid>();
            while (true)
            {
                var batch = await claims.ClaimDueBookmarksAsync(db, name, Now, TimeSpan.FromMinutes(5), 7, CancellationToken.None);
                if (batch.Count == 0)
                    return mine;
                mine.AddRange(batch);
            }
        }

        var results = await Task.WhenAll(Task.Run(() => Worker("node-a")), Task.Run(() => Worker("node-b")));

        Assert.Empty(results[0].Intersect(results[1]));
        Assert.Equal(200, results[0].Count + results[1].Count);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_reclaim_work_only_after_the_lease_of_a_crashed_worker_expires(DatabaseProvider provider)
    {
        var options = await WithDueBookmarksAsync(provider, 3);
        var claims = new LeaseClaims(options);
        await using var db = TestDatabases.Context(options);

        var crashed = await claims.ClaimDueBookmarksAsync(db, "crashed", Now, TimeSpan.FromMinutes(5), 10, CancellationToken.None);
        var tooEarly = await claims.ClaimDueBookmarksAsync(db, "other", Now.AddMinutes(4), TimeSpan.FromMinutes(5), 10, CancellationToken.None);
        var afterExpiry = await claims.ClaimDueBookmarksAsync(db, "other", Now.AddMinutes(6), TimeSpan.FromMinutes(5), 10, CancellationToken.None);

        Assert.Equal(3, crashed.Count);
        Assert.Empty(tooEarly);
        Assert.Equal(crashed.Order(), afterExpiry.Order());
    }

    [Fact]
    public async Task Should_claim_without_waiting_for_the_disk_and_leave_the_context_as_it_was()
    {
        var options = await WithDueBookmarksAsync(DatabaseProvider.Sqlite, 3);
        var seen = new SynchronousAtClaim();
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceExtensions.Configure(builder, options);
        await using var db = new AppDbContext(builder.AddInterceptors(seen).Options);

        var claimed = await new LeaseClaims(options).ClaimDueBookmarksAsync(db, "node-a", Now, TimeSpan.FromMinutes(5), 10, CancellationToken.None);
        db.Bookmarks.Add(new BookmarkRecord { Id = Guid.NewGuid(), InstanceId = Guid.NewGuid(), StepId = "s", Kind = "timer", CreatedAt = Now });
        await db.SaveChangesAsync();

        Assert.Equal(3, claimed.Count);
        // SQLite's synchronous levels: 1 NORMAL (the claim's commit does not sync), 2 FULL (the context's own save does).
        Assert.Equal([1L, 2L], seen.Levels);
        Assert.False(db.RelaxedDurability);
    }

    /// <summary>Records the connection's <c>synchronous</c> level when each writing statement runs.</summary>
    private sealed class SynchronousAtClaim : DbCommandInterceptor
    {
        public List<long> Levels { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("UPDATE", StringComparison.Ordinal) || command.CommandText.Contains("INSERT", StringComparison.Ordinal))
            {
                await using var level = command.Connection!.CreateCommand();
                level.CommandText = "PRAGMA synchronous;";
                Levels.Add((long)(await level.ExecuteScalarAsync(cancellationToken))!);
            }
            return result;
        }
    }
}
