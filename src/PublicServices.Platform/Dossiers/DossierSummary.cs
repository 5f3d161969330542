namespace PublicServices.Platform.Dossiers;

public sealed record DossierSummary(string Code, string ProcedureId, string Status, string? Result, DateTime SubmittedAt, DateOnly? DueDate);
