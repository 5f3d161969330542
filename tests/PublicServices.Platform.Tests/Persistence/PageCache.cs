using System.Runtime.InteropServices;

namespace PublicServices.Platform.Tests.Persistence;

/// <summary>A file's pages in the kernel's page cache that are not on the disk yet, as the kernel counts them (Linux
/// <c>cachestat</c>, kernel 6.5 or later): what tells a write-out or a sync that did its work from one that did not.</summary>
internal static class PageCache
{
    /// <summary>A file of <paramref name="length"/> zero bytes, synced: no page of it waiting.</summary>
    public static void CreateOnDisk(string file, int length)
    {
        using var stream = new FileStream(file, FileMode.CreateNew);
        stream.Write(new byte[length]);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>One 4 KB page in every 64 KB changed through a descriptor of its own (as SQLite writes), not synced.</summary>
    public static void ChangeScatteredPages(string file)
    {
        var page = new byte[4096];
        Array.Fill(page, (byte)'x');
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        for (var offset = 0L; offset < stream.Length; offset += 64 << 10)
        {
            stream.Position = offset;
            stream.Write(page);
        }
    }

    /// <summary>Pages of <paramref name="file"/> dirty or being written, as the kernel counts them.</summary>
    public static ulong NotOnDisk(string file)
    {
        using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var range = new CachestatRange(); // offset 0, length 0: the whole file
        if (syscall(CachestatSyscall, (int)handle.DangerousGetHandle(), ref range, out var stat, 0) != 0)
            throw new InvalidOperationException($"cachestat failed (errno {Marshal.GetLastPInvokeError()}): this test needs Linux 6.5 or later");
        return stat.Dirty + stat.Writeback;
    }

    /// <summary>Pages of <paramref name="file"/> in [<paramref name="offset"/>, + <paramref name="length"/>) held in the
    /// page cache.</summary>
    public static ulong Cached(string file, long offset, long length)
    {
        using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var range = new CachestatRange { Offset = (ulong)offset, Length = (ulong)length };
        if (syscall(CachestatSyscall, (int)handle.DangerousGetHandle(), ref range, out var stat, 0) != 0)
            throw new InvalidOperationException($"cachestat failed (errno {Marshal.GetLastPInvokeError()}): this test needs Linux 6.5 or later");
        return stat.Cache;
    }

    /// <summary>Drops <paramref name="file"/>'s pages from the page cache (they are clean: <see cref="CreateOnDisk"/>),
    /// as the machine's reclaim does to pages it judges cold.</summary>
    public static void Evict(string file)
    {
        using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (posix_fadvise((int)handle.DangerousGetHandle(), 0, 0, DontNeed) != 0)
            throw new InvalidOperationException("posix_fadvise DONTNEED failed");
    }

    private const int DontNeed = 4;

    [DllImport("libc")]
    private static extern int posix_fadvise(int fd, long offset, long length, int advice);

    /// <summary>The number of <c>cachestat</c> in Linux's common system call table (x86-64 and arm64 alike).</summary>
    private const long CachestatSyscall = 451;

    [StructLayout(LayoutKind.Sequential)]
    private struct CachestatRange
    {
        public ulong Offset;
        public ulong Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Cachestat
    {
        public ulong Cache, Dirty, Writeback, Evicted, RecentlyEvicted;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern long syscall(long number, int fd, ref CachestatRange range, out Cachestat stat, uint flags);
}
