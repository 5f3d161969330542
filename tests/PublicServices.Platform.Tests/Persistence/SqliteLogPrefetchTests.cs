using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Tests.Persistence;

/// <summary>The log's next stretch read into the page cache ahead of the commits (<see cref="SqliteLogPrefetch"/>), on a
/// plain file standing for a log: frames of 4,120 bytes after a 32-byte header.</summary>
public sealed class SqliteLogPrefetchTests
{
    private const long Stretch = 64 << 10;
    private const long Header = 32, Frame = SqliteLogPrefetch.FrameSize;

    [Fact]
    public void Should_read_the_stretch_after_the_last_frame_into_the_page_cache_and_nothing_before_it()
    {
        WithLog(1 << 20, log =>
        {
            var prefetch = new SqliteLogPrefetch(log, Stretch);
            if (!OperatingSystem.IsLinux())
            {
                // The page cache observed here is Linux's (cachestat); elsewhere only what was read is checked.
                prefetch.Ahead(frames: 100, restartNear: false);
                Assert.Equal(Stretch, prefetch.LastRead);
                return;
            }
            PageCache.Evict(log);
            var from = Header + 100 * Frame; // 412,032: inside page 100
            Assert.Equal(0ul, PageCache.Cached(log, 0, 1 << 20));

            prefetch.Ahead(frames: 100, restartNear: false);

            Assert.Equal((ulong)(Stretch / 4096 + 1), PageCache.Cached(log, from & ~4095L, Stretch + 4096)); // 17 pages
            Assert.Equal(0ul, PageCache.Cached(log, 0, from & ~4095L)); // (after it, the kernel's own read-ahead may add pages)
        });
    }

    [Fact]
    public void Should_read_each_round_only_what_the_commits_advance_brought_into_the_stretch()
    {
        WithLog(1 << 20, log =>
        {
            var prefetch = new SqliteLogPrefetch(log, Stretch);
            prefetch.Ahead(frames: 10, restartNear: false);
            Assert.Equal(Stretch, prefetch.LastRead);

            prefetch.Ahead(frames: 13, restartNear: false);
            Assert.Equal(3 * Frame, prefetch.LastRead);

            prefetch.Ahead(frames: 13, restartNear: false);
            Assert.Equal(0, prefetch.LastRead);
        });
    }

    [Fact]
    public void Should_stop_at_the_files_end_where_the_commits_extend_the_log_and_nothing_is_read_back()
    {
        WithLog(1 << 20, log =>
        {
            var prefetch = new SqliteLogPrefetch(log, Stretch);
            prefetch.Ahead(frames: 250, restartNear: false); // 1,030,032: 18,544 bytes before the end
            Assert.Equal((1 << 20) - (Header + 250 * Frame), prefetch.LastRead);

            prefetch.Ahead(frames: 252, restartNear: false);
            Assert.Equal(0, prefetch.LastRead);
        });
    }

    [Fact]
    public void Should_read_the_logs_start_before_it_starts_over_and_go_on_from_there_after()
    {
        WithLog(1 << 20, log =>
        {
            var prefetch = new SqliteLogPrefetch(log, Stretch);
            prefetch.Ahead(frames: 200, restartNear: false);
            prefetch.Ahead(frames: 210, restartNear: true); // the stretch's advance, and the start
            Assert.Equal(10 * Frame + Stretch, prefetch.LastRead);

            prefetch.Ahead(frames: 215, restartNear: true); // the start is read once a cycle
            Assert.Equal(5 * Frame, prefetch.LastRead);

            prefetch.Ahead(frames: 3, restartNear: false); // started over: the commits are inside the start read before
            Assert.Equal(Header + 3 * Frame, prefetch.LastRead); // from the start's end to 3 frames further

            prefetch.Ahead(frames: 2, restartNear: false); // started over again, this time unannounced: read from the frames
            Assert.Equal(Stretch, prefetch.LastRead);
        });
    }

    [Fact]
    public void Should_do_nothing_when_there_is_no_log()
    {
        var prefetch = new SqliteLogPrefetch(Path.Combine(Path.GetTempPath(), $"ps-missing-{Guid.NewGuid():N}-wal"), Stretch);
        prefetch.Ahead(frames: 10, restartNear: true);
        Assert.Equal(0, prefetch.LastRead);
    }

    private static void WithLog(int length, Action<string> test)
    {
        var log = Path.Combine(Path.GetTempPath(), $"ps-prefetch-{Guid.NewGuid():N}-wal");
        PageCache.CreateOnDisk(log, length);
        try
        {
            test(log);
        }
        finally
        {
            File.Delete(log);
        }
    }
}
