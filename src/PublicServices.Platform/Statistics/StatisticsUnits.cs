using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Statistics;

/// <summary>
/// Which agencies' dossiers a unit's statistics cover: the unit itself and its direct children (a provincial
/// department sees its schools). Deeper levels are not followed: the unit tree has two levels today.
/// </summary>
public sealed class StatisticsUnits(AppDbContext db)
{
    /// <summary>The unit's code and its direct children's codes; the unit's own code even when it is not in the Units table.</summary>
    public async Task<IReadOnlyList<string>> AgenciesOfAsync(string unitCode, CancellationToken cancellationToken)
    {
        var children = await db.Units.AsNoTracking().Where(u => u.ParentCode == unitCode).Select(u => u.Code).ToListAsync(cancellationToken);
        return [unitCode, .. children.Where(c => c != unitCode).Order(StringComparer.Ordinal)];
    }

    /// <summary>The units with these codes (null = every unit), by code, for the unit picker.</summary>
    public async Task<IReadOnlyList<Unit>> ListAsync(IReadOnlyCollection<string>? codes, CancellationToken cancellationToken)
    {
        var units = db.Units.AsNoTracking();
        if (codes is not null)
        {
            var list = codes.ToList();
            units = units.Where(u => list.Contains(u.Code));
        }
        return await units.OrderBy(u => u.Code).ToListAsync(cancellationToken);
    }
}
