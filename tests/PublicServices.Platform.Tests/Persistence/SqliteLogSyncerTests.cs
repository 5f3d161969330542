using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Tests.Persistence;

/// <summary>Pipelined durable commits (<see cref="SqliteLogSyncer"/>): nothing is handed over before a sync of the log
/// that began after it was asked for, and a failed sync is handed over as such.</summary>
public sealed class SqliteLogSyncerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Should_hand_over_only_after_a_sync_that_began_after_the_request()
    {
        using var began = new SemaphoreSlim(0);
        using var finish = new SemaphoreSlim(0);
        var syncs = 0;
        await using var syncer = new SqliteLogSyncer("publicservices.db-wal", sync: _ =>
        {
            Interlocked.Increment(ref syncs);
            began.Release();
            finish.Wait();
        });
        var first = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);

        syncer.AfterSync(first.SetResult);
        Assert.True(await began.WaitAsync(Patience)); // the first sync runs
        syncer.AfterSync(second.SetResult);           // committed while it runs: that sync may not cover it
        Assert.False(first.Task.IsCompleted);          // nothing before the sync ends
        finish.Release();
        Assert.Null(await first.Task.WaitAsync(Patience));

        Assert.True(await began.WaitAsync(Patience)); // a second sync, for the second
        Assert.False(second.Task.IsCompleted);
        finish.Release();
        Assert.Null(await second.Task.WaitAsync(Patience));
        Assert.Equal(2, syncs);
    }

    [Fact]
    public async Task Should_hand_a_failed_sync_over_as_such_and_go_on_syncing()
    {
        var fail = true;
        await using var syncer = new SqliteLogSyncer("publicservices.db-wal", sync: _ =>
        {
            if (fail)
                throw new IOException("disk gone");
        });
        var failed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        syncer.AfterSync(failed.SetResult);
        Assert.IsType<IOException>(await failed.Task.WaitAsync(Patience));

        fail = false;
        var next = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        syncer.AfterSync(_ => throw new InvalidOperationException("a faulty hand-over")); // does not stop the thread
        syncer.AfterSync(next.SetResult);
        Assert.Null(await next.Task.WaitAsync(Patience));
    }

    [Fact]
    public void Should_put_the_log_files_changed_pages_on_disk()
    {
        var log = Path.Combine(Path.GetTempPath(), $"ps-sync-{Guid.NewGuid():N}.db-wal");
        try
        {
            PageCache.CreateOnDisk(log, 1 << 20);
            PageCache.ChangeScatteredPages(log);
            if (OperatingSystem.IsLinux())
                Assert.True(PageCache.NotOnDisk(log) >= 16, "the changed pages are in memory before");

            SqliteLogSyncer.SyncLogFile(log);

            if (OperatingSystem.IsLinux())
                Assert.Equal(0ul, PageCache.NotOnDisk(log));
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Fact]
    public void Should_sync_only_a_SQLite_file_whose_commits_must_be_durable()
    {
        var file = Path.Combine(Path.GetTempPath(), "ps.db");
        Assert.Equal(file + "-wal", SqliteLogSyncer.LogOf(new DatabaseOptions { ConnectionString = $"Data Source={file}" }));
        Assert.Null(SqliteLogSyncer.LogOf(new DatabaseOptions { ConnectionString = $"Data Source={file}", SqliteSynchronous = "NORMAL" }));
        Assert.Null(SqliteLogSyncer.LogOf(new DatabaseOptions { ConnectionString = "Data Source=:memory:" }));
        Assert.Null(SqliteLogSyncer.LogOf(new DatabaseOptions { ConnectionString = "Data Source=x;Mode=Memory;Cache=Shared" }));
        Assert.Null(SqliteLogSyncer.LogOf(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost" }));
    }
}
