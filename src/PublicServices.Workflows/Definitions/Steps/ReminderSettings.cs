namespace PublicServices.Workflows.Definitions.Steps;

/// <summary>
/// <c>remind: { template: deadline-approaching, before: 2 days }</c> on an applicant-facing wait with a due time (a
/// <c>form</c> step with <c>due:</c> or <c>closes:</c>, a <c>payment</c> step's <c>expiry:</c>): once, when the wait is
/// still open <see cref="Before"/> its due time, the applicant is sent the notification <see cref="Template"/>.
/// <see cref="Before"/> is calendar time (days, hours, minutes), never working days.
/// </summary>
public sealed record ReminderSettings(string Template, DurationSpec Before);

/// <summary>A step whose wait may carry a reminder before its due time.</summary>
public interface IRemindingStep
{
    ReminderSettings? Remind { get; }
}
