using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Engine;

/// <summary>Listing open incidents and retrying them (administrators).</summary>
public sealed class IncidentService(AppDbContext db, WorkflowEngine engine, TimeProvider clock)
{
    public async Task<IReadOnlyList<IncidentRecord>> ListAsync(bool includeResolved, int max, CancellationToken cancellationToken) =>
        await db.Incidents.AsNoTracking()
            .Where(i => includeResolved || i.ResolvedAt == null)
            .OrderByDescending(i => i.OccurredAt)
            .Take(Math.Clamp(max, 1, 500))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Retries an open incident: a faulted step runs again (one transaction with the incident's resolution), outbox work
    /// goes back to the queue with fresh attempts.
    /// </summary>
    public async Task<RetryOutcome> RetryAsync(Guid incidentId, string actor, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        if (incident is null)
            return RetryOutcome.NotFound;
        if (incident.ResolvedAt is not null)
            return RetryOutcome.AlreadyResolved;
        var now = clock.GetUtcNow().UtcDateTime;
        if (incident is { Source: "step", InstanceId: { } instanceId })
        {
            var retried = await engine.RetryAsync(instanceId, actor, cancellationToken);
            if (retried.Refused)
                return RetryOutcome.NotRetryable;
            incident.ResolvedAt = now;
            incident.ResolvedBy = actor;
            await db.SaveChangesAsync(cancellationToken);
            return RetryOutcome.Retried;
        }
        if (incident.Source != "outbox" || incident.OutboxMessageId is not { } messageId)
            return RetryOutcome.NotRetryable;

        var message = await db.Outbox.SingleAsync(m => m.Id == messageId, cancellationToken);
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.DueAt = now;
        message.LeaseOwner = null;
        message.LeaseUntil = null;
        incident.ResolvedAt = now;
        incident.ResolvedBy = actor;
        await db.SaveChangesAsync(cancellationToken);
        return RetryOutcome.Retried;
    }
}
