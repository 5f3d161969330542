using Microsoft.Win32.SafeHandles;

namespace PublicServices.Platform.Persistence;

/// <summary>
/// Reads the next stretch of SQLite's log file into the page cache, on the checkpointer's thread, before the commits
/// write over it. A log frame is 24 bytes of header and a 4,096-byte page, so every frame covers file pages partly;
/// once the log starts over, a commit that writes into a file page no longer cached must first read it from the disk —
/// inside the commit, on the submissions' writer (kernel stacks sampled at 1,000 submissions a second: the writer's
/// <c>pwrite</c> waiting 60–230 ms in <c>ext4_block_write_begin</c>; the machine's proactive reclaim pages out file
/// pages it judges cold, and a log page is written once a cycle of ≈ 15 s).
/// <para>A plain read, not a hint: <c>posix_fadvise</c> WILLNEED only started the disk's read, which was often not done
/// when a commit reached the page (docs/performance.md). Here the reading thread waits for the disk instead of the
/// writer. Each round reads only what the commits' advance brought into the stretch (≈ 15 MB a round at 1,000
/// submissions a second, copied from the page cache when it is there), and once the log is about to start over, its
/// start too.</para>
/// </summary>
/// <param name="log">The database's write-ahead log file.</param>
/// <param name="stretch">How far ahead of the commits to read: by default 64 MB, ≈ 1 s of log at 1,000 submissions a
/// second, twice a checkpoint's interval.</param>
internal sealed class SqliteLogPrefetch(string log, long stretch = 64 << 20)
{
    public long Stretch => stretch;

    /// <summary>A frame's size in the log: its header and a page of SQLite's default size, which the portal keeps.</summary>
    internal const long FrameSize = 24 + 4096;

    private const long HeaderSize = 32;
    private readonly byte[] buffer = new byte[1 << 20];
    /// <summary>Where the commits wrote up to at the last round, and how far ahead of it the log is read.</summary>
    private long end, readUntil;
    /// <summary>How much of the log's start is read, before it starts over (0: not yet this cycle).</summary>
    private long startRead;

    /// <summary>The bytes read by the last call (for the checkpointer's trace).</summary>
    public long LastRead { get; private set; }

    /// <summary>Reads ahead of the log's <paramref name="frames"/> frames (where the next commit writes); with
    /// <paramref name="restartNear"/>, also the log's start, where the commits write once it starts over.</summary>
    public void Ahead(long frames, bool restartNear)
    {
        LastRead = 0;
        try
        {
            // Opened and closed each time: SQLite holds no lock on the log file (its locks are on the database and -shm).
            using var handle = File.OpenHandle(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var now = HeaderSize + frames * FrameSize;
            if (now < end)
                (readUntil, startRead) = (startRead, 0); // the log started over: its start was read (or not) before
            end = now;
            readUntil = Read(handle, Math.Max(readUntil, now), now + stretch);
            if (restartNear && startRead == 0)
                startRead = Read(handle, 0, stretch);
        }
        catch (IOException)
        {
            // No log (the last connection closed and SQLite deleted it): nothing to read ahead.
        }
    }

    /// <summary>Reads [<paramref name="from"/>, <paramref name="to"/>) and returns where it stopped (the file's end at most).</summary>
    private long Read(SafeFileHandle handle, long from, long to)
    {
        var at = from;
        while (at < to)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, to - at)), at);
            if (read == 0)
                break; // the file's end: the commits will extend it, nothing there to read back
            at += read;
            LastRead += read;
        }
        return Math.Max(at, from);
    }
}
