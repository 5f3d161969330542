using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Engine;

/// <summary>
/// Claims due outbox messages with a lease and hands each to the handler of its kind. Success marks it done; failure
/// retries with exponential backoff; when attempts run out (or the handler says retrying cannot help, with a
/// <see cref="PermanentOutboxFailureException"/>) the message is marked failed and an incident is opened, so nothing is
/// ever silently lost. A message whose lease was taken over by another node is left alone.
/// </summary>
public sealed class OutboxProcessor(
    IDbContextFactory<AppDbContext> contexts,
    LeaseClaims claims,
    IEnumerable<IOutboxHandler> handlers,
    TimeProvider clock,
    WorkerOptions options,
    ILogger<OutboxProcessor> logger)
{
    private readonly Dictionary<string, IOutboxHandler> byKind = handlers.ToDictionary(h => h.Kind);

    /// <summary>Processes one batch of due messages; returns how many were attempted.</summary>
    public async Task<int> ProcessDueAsync(string owner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await claims.ClaimOutboxAsync(db, owner, clock.GetUtcNow().UtcDateTime, options.Lease, options.BatchSize, cancellationToken);
        foreach (var id in ids)
            await ProcessOneAsync(id, owner, cancellationToken);
        return ids.Count;
    }

    private async Task ProcessOneAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.Outbox.SingleAsync(m => m.Id == id, cancellationToken);
        // Pragmas are applied each time the context opens its connection: this reaches the save below.
        db.RelaxedDurability = byKind.TryGetValue(message.Kind, out var known) && known.RelaxedDurability;
        if (message.Status != OutboxStatus.Pending || message.LeaseOwner != owner)
            return;
        try
        {
            if (!byKind.TryGetValue(message.Kind, out var handler))
                throw new InvalidOperationException($"No handler for outbox message kind '{message.Kind}'.");
            await handler.HandleAsync(message, cancellationToken);
            message.Status = OutboxStatus.Done;
            message.ProcessedAt = clock.GetUtcNow().UtcDateTime;
            message.LastError = null;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            Fail(db, message, error);
        }
        message.Attempts++;
        message.LeaseOwner = null;
        message.LeaseUntil = null;
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Fail(AppDbContext db, OutboxMessageRecord message, Exception error)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        message.LastError = error.Message;
        if (message.Attempts + 1 >= options.MaxAttempts || error is PermanentOutboxFailureException)
        {
            message.Status = OutboxStatus.Failed;
            db.Incidents.Add(new IncidentRecord
            {
                Id = Guid.CreateVersion7(), InstanceId = message.InstanceId, Source = "outbox", OutboxMessageId = message.Id,
                Error = $"{message.Kind}: {error.Message}", OccurredAt = now,
            });
            logger.LogError(error, "Outbox message {Id} ({Kind}) failed {Attempts} times; incident opened", message.Id, message.Kind, message.Attempts + 1);
            return;
        }
        message.DueAt = now + options.FirstRetryDelay * Math.Pow(2, message.Attempts);
        logger.LogWarning(error, "Outbox message {Id} ({Kind}) failed; retry at {DueAt}", message.Id, message.Kind, message.DueAt);
    }
}
