using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Workflows.Definitions.Steps;

/// <summary>
/// <c>type: payment</c> — the applicant pays <see cref="Amount"/> VND (a number or JsonLogic over the dossier).
/// Outcomes: <c>paid</c>, <c>expired</c>, <c>cancelled</c>.
/// </summary>
public sealed record PaymentStepSettings(JsonLogicRule Amount, LocalizedText Description, DurationSpec Expiry) : IStepSettings, IRemindingStep
{
    /// <summary>A reminder to the applicant before the payment expires.</summary>
    public ReminderSettings? Remind { get; init; }
}
