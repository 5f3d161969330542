namespace PublicServices.Workflows.Definitions.Loading;

/// <summary>One problem in a definition file: where, what is wrong and how to fix it (Vietnamese / English).</summary>
public sealed record DefinitionError(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
