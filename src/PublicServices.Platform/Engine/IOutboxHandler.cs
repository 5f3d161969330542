namespace PublicServices.Platform.Engine;

/// <summary>
/// Delivers one kind of outbox message (e-mail, SMS, document rendering…). Called at least once per message: use
/// <see cref="OutboxMessageRecord.Id"/> as the idempotency key. Throwing schedules a retry.
/// </summary>
public interface IOutboxHandler
{
    string Kind { get; }

    /// <summary>True when losing this handler's last writes on a power cut costs only a repeated delivery
    /// (see <see cref="Persistence.AppDbContext.RelaxedDurability"/>).</summary>
    bool RelaxedDurability => false;

    Task HandleAsync(OutboxMessageRecord message, CancellationToken cancellationToken);
}
