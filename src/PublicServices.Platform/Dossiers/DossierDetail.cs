using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Platform.Dossiers;

public sealed record DossierDetail(DossierRecord Dossier, string Status, string? Result, LocalizedText ProcedureTitle,
    IReadOnlyList<OpenStep> OpenSteps, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<DossierMessage> Messages, NextAction Next)
{
    public bool CanWithdraw => DossierWithdrawal.CanWithdraw(Status);

    /// <summary>The instance's data (forms under their ids, decisions under their step ids); not sent over the API.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public System.Text.Json.Nodes.JsonObject Variables { get; init; } = [];

    /// <summary>Every attempt to pay a fee of this dossier, oldest first.</summary>
    public IReadOnlyList<PaymentSummary> Payments { get; init; } = [];

    /// <summary>Documents issued for this dossier (results, letters), oldest first.</summary>
    public IReadOnlyList<DocumentSummary> Documents { get; init; } = [];

    /// <summary>The procedure's <c>highlights:</c> that have a value now (the exam's candidate number after the lock), in
    /// the order declared.</summary>
    public IReadOnlyList<DossierHighlight> Highlights { get; init; } = [];
}

/// <summary>A value shown at the top of the dossier page: its label and its text, both in Vietnamese and English.</summary>
public sealed record DossierHighlight(LocalizedText Label, LocalizedText Value)
{
    public static IReadOnlyList<DossierHighlight> From(WorkflowDefinition definition, System.Text.Json.Nodes.JsonObject variables) =>
        definition.Highlights.Select(h => h.Text(variables) is { } text ? new DossierHighlight(h.Label, text) : null).OfType<DossierHighlight>().ToList();
}

/// <summary>
/// What the applicant must do now: <c>amend</c> (with the official's reason and the fields to change), <c>pay</c>,
/// <c>wait</c> (officials are working on it) or <c>none</c> (ended).
/// </summary>
public sealed record NextAction(string Kind, string? Reason, IReadOnlyList<string> Fields)
{
    /// <summary>For <c>pay</c>: the fee in VND and what it is for.</summary>
    public long? AmountVnd { get; init; }
    public LocalizedText? Description { get; init; }

    public static NextAction From(WorkflowDefinition definition, IReadOnlyList<Bookmark> waits, string status)
    {
        foreach (var wait in waits)
        {
            if (wait.Kind == BookmarkKinds.Form && definition.Flow.Steps[wait.StepId].Settings is FormStepSettings { Mode: FormMode.Amend })
                return new NextAction("amend", wait.Data?["reason"]?.ToString(),
                    (wait.Data?["fields"] as System.Text.Json.Nodes.JsonArray)?.Select(f => f!.ToString()).ToList() ?? []);
            if (wait.Kind == BookmarkKinds.Payment)
                return new NextAction("pay", null, [])
                {
                    AmountVnd = wait.Data?["amount"]?.GetValue<long>(),
                    Description = new LocalizedText(wait.Data?["descriptionVi"]?.ToString() ?? "", wait.Data?["descriptionEn"]?.ToString() ?? ""),
                };
        }
        return new NextAction(DossierWithdrawal.CanWithdraw(status) ? "wait" : "none", null, []);
    }
}

/// <summary>An in-app message about the dossier.</summary>
public sealed record DossierMessage(DateTime At, LocalizedText Subject, LocalizedText Body);

/// <summary>A step the dossier waits at (an official's task, a payment, a form to amend).</summary>
public sealed record OpenStep(string StepId, string Kind, LocalizedText Title);

/// <summary>One line of the dossier's timeline, from the engine's journal.</summary>
public sealed record TimelineEntry(DateTime At, string StepId, LocalizedText? StepTitle, string Event, string? Outcome, string? Summary);

/// <summary>One attempt to pay, as the applicant sees it.</summary>
public sealed record DocumentSummary(Guid Id, string Title, string Number, DateTime IssuedAt, string Status, string VerificationCode, bool Signed);

public sealed record PaymentSummary(string Reference, string Provider, long AmountVnd, string Status, DateTime CreatedAt, DateTime? CompletedAt);
