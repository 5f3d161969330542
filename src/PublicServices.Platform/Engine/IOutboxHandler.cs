namespace PublicServices.Platform.Engine;

/// <summary>
/// Delivers one kind of outbox message (e-mail, SMS, document rendering…). Called at least once per message: use
/// <see cref="OutboxMessageRecord.Id"/> as the idempotency key. Throwing schedules a retry.
/// </summary>
public interface IOutboxHandler
{
    string Kind { get; }

    Task HandleAsync(OutboxMessageRecord message, CancellationToken cancellationToken);
}
