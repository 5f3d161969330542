using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace PublicServices.Platform.Persistence;

/// <summary>
/// Writes the pages a checkpoint copied into the database file out to the disk slice by slice (Linux
/// <c>sync_file_range</c>: each slice's pages written and waited for before the next), so that the disk's queue never
/// holds more than one slice of them. Without it they wait in the page cache for SQLite's own sync of the file — which
/// comes only from a checkpoint during whose copy no commit landed, every few seconds under load — and that one
/// <c>fsync</c> then writes seconds' worth of scattered pages at once: 150–300 ms on this VM's disk, with every commit's
/// log sync queued behind it (perf's syscall tracepoints: log syncs begun during it ended with it, to the millisecond).
/// <para>A hint to the kernel, nothing more: durability stays SQLite's, which still syncs the file before the log may
/// start over. Elsewhere than Linux it does nothing.</para>
/// </summary>
internal static class SqliteWriteBack
{
    /// <summary>4 MB of the file a call: at a thousand submissions a second a slice holds a few dozen changed pages,
    /// a millisecond or two of the disk.</summary>
    internal const long Slice = 4 << 20;

    private const uint WaitBefore = 1, Write = 2, WaitAfter = 4;

    /// <summary>One descriptor per file, never closed: closing any descriptor of a file drops every POSIX lock this
    /// process holds on it — SQLite's own locks on the database file among them.</summary>
    private static readonly ConcurrentDictionary<string, SafeFileHandle> Handles = new();

    /// <summary>Writes <paramref name="file"/>'s changed pages to the disk; the slices written, or 0 where the system has
    /// no <c>sync_file_range</c>.</summary>
    public static int Run(string file)
    {
        if (!OperatingSystem.IsLinux())
            return 0;
        var handle = HandleOf(Path.GetFullPath(file));
        var fd = (int)handle.DangerousGetHandle();
        var length = RandomAccess.GetLength(handle);
        var slices = 0;
        for (long offset = 0; offset < length; offset += Slice, slices++)
            if (sync_file_range(fd, offset, Slice, WaitBefore | Write | WaitAfter) != 0)
                throw new IOException($"sync_file_range of {file} failed (errno {Marshal.GetLastPInvokeError()})");
        return slices;
    }

    /// <summary>The descriptor kept for <paramref name="path"/>, opened again if the file there is no longer the one it
    /// names (deleted and created again, as tests do).</summary>
    private static SafeFileHandle HandleOf(string path)
    {
        if (Handles.TryGetValue(path, out var kept) && new FileInfo($"/proc/self/fd/{kept.DangerousGetHandle()}").LinkTarget == path)
            return kept;
        // The one it replaces names a file that is gone: closing it (its finalizer will) drops no lock of a live file.
        var opened = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Handles[path] = opened;
        return opened;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int sync_file_range(int fd, long offset, long nbytes, uint flags);
}
