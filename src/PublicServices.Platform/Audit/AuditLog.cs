using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Audit;

/// <summary>Who (an official, with the client address) did or saw what. Appends go into the caller's transaction.</summary>
public sealed record AuditActor(string UserId, string UserName, string? IpAddress);

/// <summary>
/// Writing and searching the audit log. There is deliberately no update or delete: entries cannot be edited through the
/// application.
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock)
{
    /// <summary>Stages an entry on the shared context; it is written with the caller's own changes.</summary>
    public void Append(AuditActor actor, string action, string target, string? detail = null) =>
        db.Audit.Add(new AuditRecord
        {
            At = clock.GetUtcNow().UtcDateTime, UserId = actor.UserId, UserName = actor.UserName, Action = action,
            Target = target, Detail = detail is { Length: > 1000 } ? detail[..1000] : detail, IpAddress = actor.IpAddress,
        });

    public async Task WriteAsync(AuditActor actor, string action, string target, string? detail, CancellationToken cancellationToken)
    {
        Append(actor, action, target, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Newest first; every filter optional; <paramref name="before"/> pages backwards by id.</summary>
    public async Task<IReadOnlyList<AuditRecord>> SearchAsync(string? user, string? action, string? target, DateTime? from, DateTime? to,
        long? before, int max, CancellationToken cancellationToken)
    {
        var query = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(user))
            query = query.Where(a => a.UserName.Contains(user.Trim()) || a.UserId == user.Trim());
        if (!string.IsNullOrWhiteSpace(action))
            query = query.Where(a => a.Action == action.Trim());
        if (!string.IsNullOrWhiteSpace(target))
            query = query.Where(a => a.Target == target.Trim());
        if (from is { } start)
            query = query.Where(a => a.At >= start);
        if (to is { } end)
            query = query.Where(a => a.At < end);
        if (before is { } id)
            query = query.Where(a => a.Id < id);
        return await query.OrderByDescending(a => a.Id).Take(Math.Clamp(max, 1, 500)).ToListAsync(cancellationToken);
    }
}
