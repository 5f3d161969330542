namespace PublicServices.Workflows.Runtime;

/// <summary>Why a stimulus was not applied; nothing changed. Messages are Vietnamese / English.</summary>
public sealed record Refusal(RefusalReason Reason, string Message);
