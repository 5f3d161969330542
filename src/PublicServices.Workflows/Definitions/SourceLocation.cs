namespace PublicServices.Workflows.Definitions;

/// <summary>Where something was written: file, 1-based line and column. Errors name it as file:line:col.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public static readonly SourceLocation None = new("", 0, 0);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
