using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Tests.Engine;

public sealed class DefinitionStartupTests
{
    private static Task LoadAsync(TestPlatform platform)
    {
        using var scope = platform.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<DefinitionStartup>().LoadAsync(default);
    }

    [Fact]
    public async Task Should_record_each_version_once_and_register_the_procedures()
    {
        await using var platform = await TestPlatform.CreateAsync(DatabaseProvider.Sqlite);

        await LoadAsync(platform);
        await LoadAsync(platform);

        await using var db = platform.NewContext();
        var record = await db.Definitions.SingleAsync(d => d.DefinitionId == "diploma-copy");
        Assert.Equal(platform.Services.GetRequiredService<DefinitionRegistry>().Latest("diploma-copy")!.Version, record.Version);
        Assert.Equal(await File.ReadAllTextAsync(PublicServices.Tests.RepoPaths.InRepo("workflows", "diploma-copy.yaml")), record.Source);
        Assert.NotNull(platform.Services.GetRequiredService<DefinitionRegistry>().Latest("diploma-copy"));
        Assert.NotNull(platform.Services.GetRequiredService<DefinitionRegistry>().CodeLists.Find("provinces"));
    }

    [Fact]
    public async Task Should_refuse_to_start_when_a_recorded_version_changed()
    {
        await using var platform = await TestPlatform.CreateAsync(DatabaseProvider.Sqlite);
        await LoadAsync(platform);
        await using (var db = platform.NewContext())
        {
            var record = await db.Definitions.SingleAsync(d => d.DefinitionId == "diploma-copy");
            db.Definitions.Remove(record);
            db.Definitions.Add(new DefinitionRecord
            {
                DefinitionId = record.DefinitionId, Version = record.Version, ContentHash = "different", FileName = record.FileName,
                Source = record.Source, LoadedAt = record.LoadedAt,
            });
            await db.SaveChangesAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LoadAsync(platform));

        Assert.Contains("diploma-copy.yaml", error.Message);
        Assert.Contains("increase `version:`", error.Message);
    }

    [Fact]
    public async Task Should_register_a_version_that_exists_only_in_the_database_for_its_running_instances()
    {
        await using var platform = await TestPlatform.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = platform.NewContext())
        {
            db.Definitions.Add(new DefinitionRecord
            {
                DefinitionId = "retired", Version = 3, ContentHash = "h", FileName = "retired.yaml", LoadedAt = DateTime.UtcNow,
                Source = """
                    id: retired
                    version: 3
                    title: { vi: Thủ tục cũ, en: Retired procedure }
                    agency: naric
                    flow:
                      start: done
                      steps:
                        done: { type: end, result: ok }
                    """,
            });
            await db.SaveChangesAsync();
        }

        await LoadAsync(platform);

        var registry = platform.Services.GetRequiredService<DefinitionRegistry>();
        Assert.Equal("Retired procedure", registry.Get("retired", 3).Title.En);
        Assert.Null(registry.Latest("retired"));
    }
}
