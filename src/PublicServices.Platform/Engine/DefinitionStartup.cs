using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PublicServices.Platform.Documents;
using PublicServices.Platform.Notifications;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.Definitions.Loading;

namespace PublicServices.Platform.Engine;

/// <summary>
/// At start-up: loads workflows/, refuses to start on any error (listing all of them), records new versions in the
/// database, and also registers every older version recorded there, so that instances started on it keep running.
/// </summary>
public sealed class DefinitionStartup(AppDbContext db, DefinitionRegistry registry, ActivityRegistry activities, WorkflowFiles files,
    NotificationTemplateCatalog notifications, DocumentTemplateCatalog documents, TimeProvider clock, ILogger<DefinitionStartup> logger,
    IConfiguration configuration)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Definitions.AsNoTracking().ToListAsync(cancellationToken);
        var history = new InMemoryDefinitionHistory(stored.ToDictionary(s => (s.DefinitionId, s.Version), s => s.ContentHash));
        var loader = new DefinitionLoader(activities);
        var result = loader.LoadDirectory(files.Root, history);
        var errors = result.Errors.Concat(result.Definitions.SelectMany(d => TemplateReferences.Check(d.Definition, notifications, documents))).ToList();
        // Configuration overrides of settings apply after the file's own check (its hash is of its text, never of the overrides).
        var overrideErrors = new List<string>();
        var effective = result.Definitions.ToDictionary(d => d, d => SettingOverrides.Apply(d.Definition, configuration, overrideErrors));
        if (errors.Count > 0 || overrideErrors.Count > 0)
            throw new InvalidOperationException(
                "Procedure definitions have errors / Định nghĩa thủ tục có lỗi:\n" + string.Join("\n", errors.Select(e => e.ToString()).Concat(overrideErrors)));
        registry.SetCodeLists(result.CodeLists);

        var current = result.Definitions.ToDictionary(d => (d.Definition.Id, d.Definition.Version));
        foreach (var loaded in result.Definitions)
        {
            registry.Add(effective[loaded]);
            if (history.HashOf(loaded.Definition.Id, loaded.Definition.Version) is not null)
                continue;
            db.Definitions.Add(new DefinitionRecord
            {
                DefinitionId = loaded.Definition.Id, Version = loaded.Definition.Version, ContentHash = loaded.Definition.ContentHash,
                FileName = Path.GetFileName(loaded.FileName), Source = loaded.Source, LoadedAt = clock.GetUtcNow().UtcDateTime,
            });
        }
        foreach (var old in stored.Where(s => !current.ContainsKey((s.DefinitionId, s.Version))))
        {
            var oldErrors = new List<DefinitionError>();
            if (loader.LoadText(old.FileName, old.Source, result.CodeLists, oldErrors) is { } definition)
                registry.Add(SettingOverrides.Apply(definition.Definition, configuration, []), published: false);
            else
                logger.LogError("Stored version {Id} v{Version} no longer loads: {Errors}", old.DefinitionId, old.Version, string.Join("; ", oldErrors));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node recorded the same new version at the same moment: identical content, nothing to do.
            logger.LogInformation("Definitions were recorded by another node");
        }
        logger.LogInformation("Loaded {Count} procedure definitions", result.Definitions.Count);
    }
}
