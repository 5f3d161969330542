using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Workflows.Definitions;

public enum FieldType { Text, Textarea, Number, Date, Select, MultiSelect, Boolean, Email, Phone, Cccd, File }

/// <summary>One field of a form page, with every constraint the server enforces.</summary>
public sealed record FieldDefinition(string Id, FieldType Type, LocalizedText Label, SourceLocation Location)
{
    public LocalizedText? Hint { get; init; }
    public bool Required { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    /// <summary>Regular expression the whole value must match.</summary>
    public string? Pattern { get; init; }
    public LocalizedText? PatternMessage { get; init; }
    /// <summary>Inline options for select / multi-select.</summary>
    public IReadOnlyList<FieldOption> Options { get; init; } = [];
    /// <summary>Code list id (file in workflows/codelists/) for select / multi-select.</summary>
    public string? CodeList { get; init; }
    /// <summary>Field shown (and validated) only when this rule is truthy over the dossier data.</summary>
    public JsonLogicRule? VisibleWhen { get; init; }
    /// <summary>Prefill source from the applicant's account: fullName, dateOfBirth, cccd, phone, email; or <c>source.key</c>, a value
    /// copied from the parent dossier of a procedure with <c>startsFrom:</c>.</summary>
    public string? Prefill { get; init; }
    public FileConstraints? File { get; init; }
}

public sealed record FieldOption(string Value, LocalizedText Label);

/// <summary>Upload constraints: allowed kinds (pdf, jpg, png), size, count, minimum image pixels.</summary>
public sealed record FileConstraints(IReadOnlyList<string> Accept, long MaxBytes, int MaxCount)
{
    public int? MinWidth { get; init; }
    public int? MinHeight { get; init; }
}
