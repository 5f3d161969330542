namespace PublicServices.Workflows.Definitions.Steps;

/// <summary><c>type: document</c> — issue a numbered PDF from a template in templates/documents/. Outcome: <c>done</c>.</summary>
public sealed record DocumentStepSettings(string Template) : IStepSettings
{
    public bool Signed { get; init; } = true;
}
