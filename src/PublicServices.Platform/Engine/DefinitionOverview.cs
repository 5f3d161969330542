using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Engine;

/// <summary>One stored version of a procedure: its title when it loads, whether new dossiers start on it, and how many instances still run on it.</summary>
public sealed record DefinitionVersionSummary(string DefinitionId, int Version, LocalizedText? Title, bool Published, int Running, DateTime LoadedAt);

/// <summary>Every version of every procedure the database knows, for administrators deciding whether an old version still matters.</summary>
public sealed class DefinitionOverview(AppDbContext db, DefinitionRegistry registry)
{
    private static readonly string[] Finished = [nameof(InstanceStatus.Completed), nameof(InstanceStatus.Cancelled)];

    public async Task<IReadOnlyList<DefinitionVersionSummary>> ListAsync(CancellationToken cancellationToken)
    {
        // Not the stored source: it is the largest column and the registry already holds what the page shows.
        var versions = await db.Definitions.AsNoTracking()
            .Select(d => new { d.DefinitionId, d.Version, d.LoadedAt })
            .ToListAsync(cancellationToken);
        // One GROUP BY for every version rather than a count per row.
        var running = await db.Instances.AsNoTracking()
            .Where(i => !Finished.Contains(i.Status))
            .GroupBy(i => new { i.DefinitionId, i.DefinitionVersion })
            .Select(g => new { g.Key.DefinitionId, g.Key.DefinitionVersion, Count = g.Count() })
            .ToDictionaryAsync(g => (g.DefinitionId, g.DefinitionVersion), g => g.Count, cancellationToken);
        return versions
            .OrderBy(v => v.DefinitionId, StringComparer.Ordinal).ThenByDescending(v => v.Version)
            .Select(v => new DefinitionVersionSummary(
                v.DefinitionId, v.Version, registry.Find(v.DefinitionId, v.Version)?.Title,
                registry.Latest(v.DefinitionId)?.Version == v.Version,
                running.GetValueOrDefault((v.DefinitionId, v.Version)), v.LoadedAt))
            .ToList();
    }
}
