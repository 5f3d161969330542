using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Tasks;
using PublicServices.Platform.Tests.Engine;
using PublicServices.Workflows.Text;

namespace PublicServices.Platform.Tests.Tasks;

/// <summary>
/// The keyword filter of the queues on each provider's keyword index (0002_task_search.sql), which the database keeps
/// from the tasks' rows by itself: added with the row, gone with it, found by any word's start, marks and case ignored.
/// </summary>
public sealed class TaskSearchTests
{
    private static readonly OfficialScope Officer = new("officer-1", "Cán bộ Một", ["officer"], "sgd-01", "127.0.0.1");

    private static TaskRecord Task(string code, string name, string cccd, string unit = "sgd-01") => new()
    {
        Id = Guid.CreateVersion7(), InstanceId = Guid.NewGuid(), ProcedureId = "registration", ProcedureVersion = 1, StepId = "check",
        Role = "officer", UnitCode = unit, DossierCode = code, ApplicantName = name, Cccd = cccd,
        SearchText = VietnameseText.Fold($"{code} {name} {cccd}"), QueueOrder = TaskRecord.NoDueDate,
    };

    private static async Task<List<string?>> FindAsync(TestPlatform platform, string keyword)
    {
        await using var db = platform.NewContext();
        var queue = ActivatorUtilities.CreateInstance<TaskQueue>(platform.Services, db);
        var page = await queue.PageAsync(Officer, new TaskQuery { Keyword = keyword, PageSize = 50 }, default);
        return page.Items.Select(t => t.DossierCode).Order().ToList();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Should_find_tasks_by_the_start_of_any_word_and_forget_them_with_their_rows(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.CreateAsync(provider);
        await using (var db = platform.NewContext())
        {
            db.Tasks.AddRange(
                Task("G12.34-251122-0001", "Nguyễn Văn An", "001204012345"),
                Task("G12.34-251122-0002", "Trần Thị Ánh", "001204067890"),
                Task("G12.34-251122-0004", "Nguyễn Văn An", "001204099999", unit: "sgd-02"));
            await db.SaveChangesAsync();
            db.Tasks.Add(Task("G12.34-251123-0003", "Đỗ Minh Anh", "079204000111")); // the last row (deleted below)
            await db.SaveChangesAsync();
        }

        Assert.Equal(["G12.34-251122-0001"], await FindAsync(platform, "Nguyễn Văn An"));
        Assert.Equal(["G12.34-251122-0001", "G12.34-251122-0002", "G12.34-251123-0003"], await FindAsync(platform, "AN"));
        Assert.Equal(["G12.34-251123-0003"], await FindAsync(platform, "do minh"));
        Assert.Equal(["G12.34-251122-0001", "G12.34-251122-0002"], await FindAsync(platform, "g12.34-251122"));
        Assert.Equal(["G12.34-251122-0002"], await FindAsync(platform, "0012040678"));
        Assert.Equal(["G12.34-251122-0002"], await FindAsync(platform, "thi 001204"));
        Assert.Empty(await FindAsync(platform, "van 0792"));
        // Quotes, backslashes and words of punctuation only are text to look for, not query syntax.
        Assert.Empty(await FindAsync(platform, "an\" OR \"thi"));
        Assert.Empty(await FindAsync(platform, "o'an\\"));
        Assert.Equal(["G12.34-251122-0001", "G12.34-251122-0002", "G12.34-251123-0003"], await FindAsync(platform, "- ."));

        await using (var db = platform.NewContext())
        {
            await db.Tasks.Where(t => t.DossierCode == "G12.34-251123-0003").ExecuteDeleteAsync();
            // The next row takes the deleted last one's number (SQLite's rowid): a word left behind by the deleted row
            // would be found as the new one's ("an" of "anh" in "hoang").
            db.Tasks.Add(Task("G12.34-251124-0005", "Lê Hoàng Bảo", "001204055555"));
            await db.SaveChangesAsync();
        }

        Assert.Empty(await FindAsync(platform, "do minh"));
        Assert.Equal(["G12.34-251124-0005"], await FindAsync(platform, "bao"));
        Assert.Equal(["G12.34-251122-0001", "G12.34-251122-0002"], await FindAsync(platform, "an"));
    }
}
