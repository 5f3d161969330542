using PublicServices.Workflows.Definitions;

namespace PublicServices.Platform.Dossiers;

public sealed record DossierDetail(DossierRecord Dossier, string Status, string? Result, LocalizedText ProcedureTitle,
    IReadOnlyList<OpenStep> OpenSteps, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<DossierMessage> Messages);

/// <summary>An in-app message about the dossier.</summary>
public sealed record DossierMessage(DateTime At, LocalizedText Subject, LocalizedText Body);

/// <summary>A step the dossier waits at (an official's task, a payment, a form to amend).</summary>
public sealed record OpenStep(string StepId, string Kind, LocalizedText Title);

/// <summary>One line of the dossier's timeline, from the engine's journal.</summary>
public sealed record TimelineEntry(DateTime At, string StepId, LocalizedText? StepTitle, string Event, string? Outcome, string? Summary);
