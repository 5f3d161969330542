using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Tests.Engine;

public sealed class DefinitionOverviewTests
{
    private const string Retired = """
        id: retired
        version: 3
        title: { vi: Thủ tục cũ, en: Retired procedure }
        agency: naric
        flow:
          start: done
          steps:
            done: { type: end, result: ok }
        """;

    [Fact]
    public async Task Should_list_every_stored_version_with_its_running_instances()
    {
        await using var platform = await TestPlatform.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = platform.NewContext())
        {
            db.Definitions.Add(new DefinitionRecord
            {
                DefinitionId = "retired", Version = 3, ContentHash = "h", FileName = "retired.yaml", LoadedAt = DateTime.UtcNow, Source = Retired,
            });
            db.Definitions.Add(new DefinitionRecord
            {
                DefinitionId = "broken", Version = 1, ContentHash = "b", FileName = "broken.yaml", LoadedAt = DateTime.UtcNow, Source = "id: broken",
            });
            foreach (var status in new[] { "Waiting", "Faulted", "Completed", "Cancelled" })
                db.Instances.Add(new InstanceRecord
                {
                    Id = Guid.NewGuid(), DefinitionId = "retired", DefinitionVersion = 3, Status = status, StateJson = "{}",
                    CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                });
            await db.SaveChangesAsync();
        }
        using (var scope = platform.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DefinitionStartup>().LoadAsync(default);

        using var query = platform.Services.CreateScope();
        var versions = await query.ServiceProvider.GetRequiredService<DefinitionOverview>().ListAsync(default);

        var retired = Assert.Single(versions, v => v.DefinitionId == "retired");
        Assert.Equal((3, false, 2, "Retired procedure"), (retired.Version, retired.Published, retired.Running, retired.Title?.En));
        var broken = Assert.Single(versions, v => v.DefinitionId == "broken");
        Assert.Null(broken.Title);
        var current = Assert.Single(versions, v => v.DefinitionId == "diploma-copy");
        Assert.True(current.Published);
        Assert.Equal(0, current.Running);
    }
}
