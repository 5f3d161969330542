using System.Runtime.InteropServices;

namespace PublicServices.Platform.Persistence;

/// <summary>
/// Asks the kernel to read the next stretch of SQLite's log file into the page cache before the commits overwrite it.
/// A log frame is 24 bytes of header and a 4,096-byte page, so every frame covers file pages partly; once the log
/// starts over, a commit that writes into a file page no longer cached must first read it from the disk — inside the
/// commit, on the submissions' writer (kernel stacks sampled at 1,000 submissions a second: the writer's <c>pwrite</c>
/// waiting 60–140 ms in <c>ext4_block_write_begin</c>; the machine's proactive reclaim pages out file pages it judges
/// cold). Reading ahead here, on the checkpointer's thread, starts that read before the commits get there.
/// <para>A hint (<c>posix_fadvise</c> WILLNEED, asynchronous): nothing changes in the file, and elsewhere than Linux it
/// does nothing. On a slow disk the read may not be done when a commit reaches the page, which then still waits for it:
/// such waits fell in one benchmark run and not in the next two (docs/performance.md) — it helps, it is not a fix.</para>
/// </summary>
internal static class SqliteLogPrefetch
{
    /// <summary>64 MB: ≈ 1 s of log at 1,000 submissions a second, twice a checkpoint's interval.</summary>
    internal const long Stretch = 64 << 20;

    private const int WillNeed = 3;

    /// <summary>A frame's size in the log: its header and a page of SQLite's default size, which the portal keeps.</summary>
    private const long FrameSize = 24 + 4096;

    /// <summary>Reads ahead from the end of the log's <paramref name="frames"/> frames (where the next commit writes).</summary>
    public static void Ahead(string log, long frames)
    {
        if (!OperatingSystem.IsLinux())
            return;
        try
        {
            // Opened and closed each time: SQLite holds no lock on the log file (its locks are on the database and -shm).
            using var handle = File.OpenHandle(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var offset = 32 + frames * FrameSize;
            _ = posix_fadvise((int)handle.DangerousGetHandle(), offset, Stretch, WillNeed);
        }
        catch (IOException)
        {
            // No log (the last connection closed and SQLite deleted it): nothing to read ahead.
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int posix_fadvise(int fd, long offset, long length, int advice);
}
