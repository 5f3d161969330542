using System.Text.Json.Nodes;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.JsonLogic;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Workflows.Activities;

/// <summary>
/// Computes the fee from the dossier and waits for the payment capability to report "paid", "expired" or "cancelled".
/// The amount is fixed when the step is reached, so later edits of the dossier cannot change what is owed.
/// </summary>
public sealed class PaymentActivity(DueDates dueDates) : Activity<PaymentStepSettings>
{
    protected override IReadOnlyCollection<string> Outcomes(PaymentStepSettings settings) => ["paid", "expired", "cancelled"];

    protected override ActivityResult Execute(ActivityContext context, PaymentStepSettings settings)
    {
        var amount = settings.Amount.Evaluate(context.Variables);
        if (!JsonNumbers.TryGetDouble(amount, out var number) || number <= 0 || number != Math.Floor(number))
            throw new InvalidOperationException($"Payment amount must be a positive whole number of VND, got {amount?.ToJsonString() ?? "null"}.");
        // The wait falls due at the expiry: the host's timers then answer "expired" unless the fee was paid first.
        var expiresAt = dueDates.From(context.Now, settings.Expiry);
        return ActivityResult.Wait(new WaitRequest(BookmarkKinds.Payment, null, expiresAt, new JsonObject
        {
            ["amount"] = (long)number,
            ["descriptionVi"] = settings.Description.Vi,
            ["descriptionEn"] = settings.Description.En,
            ["expiresAt"] = expiresAt.ToString("O"),
        })
        {
            RemindAt = settings.Remind is { } remind ? DueDates.Before(expiresAt, remind.Before) : null,
        });
    }

    protected override ActivityResult Resume(ActivityContext context, PaymentStepSettings settings, Bookmark bookmark, Stimulus stimulus)
    {
        context.Variables[context.Step.Id] = new JsonObject
        {
            ["status"] = stimulus.Outcome,
            ["amount"] = bookmark.Data?["amount"]?.DeepClone(),
            ["payment"] = stimulus.Payload?.DeepClone(),
        };
        return ActivityResult.Outcome(stimulus.Outcome);
    }
}
