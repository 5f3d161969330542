using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Tests.Persistence;

/// <summary>
/// The checkpointer's write-out of the database file's changed pages (<see cref="SqliteWriteBack"/>), checked with the
/// kernel's own count of the file's dirty pages (<see cref="PageCache"/>).
/// </summary>
public sealed class SqliteWriteBackTests
{
    [Fact]
    public void Should_leave_no_changed_page_of_the_file_waiting_in_memory()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ps-writeback-{Guid.NewGuid():N}.db");
        try
        {
            PageCache.CreateOnDisk(file, 10 << 20);
            // Scattered pages changed through another descriptor, as a checkpoint copies pages from the log.
            PageCache.ChangeScatteredPages(file);

            if (!OperatingSystem.IsLinux())
            {
                Assert.Equal(0, SqliteWriteBack.Run(file)); // nothing to do elsewhere: SQLite's own sync stays the only one
                return;
            }
            var before = PageCache.NotOnDisk(file);
            Assert.True(before >= 160, $"{before} changed pages before"); // the 160 pages just written, still in memory

            Assert.Equal(3, SqliteWriteBack.Run(file)); // 10 MB in slices of 4 MB

            Assert.Equal(0ul, PageCache.NotOnDisk(file));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
