namespace PublicServices.Workflows.Definitions.Loading;

/// <summary>A valid definition with the file it came from and its text (stored so old versions can be loaded again).</summary>
public sealed record LoadedDefinition(WorkflowDefinition Definition, string FileName, string Source);
