namespace PublicServices.Workflows.Definitions;

/// <summary>A form: pages (steps) of fields, plus cross-field rules checked on submit.</summary>
public sealed record FormDefinition(
    string Id,
    IReadOnlyList<FormPage> Pages,
    IReadOnlyList<FormRule> Rules,
    SourceLocation Location);

/// <summary>One page of a form ("Bước 2/5"): one topic per page.</summary>
public sealed record FormPage(string Id, LocalizedText Title, IReadOnlyList<FieldDefinition> Fields, SourceLocation Location);

/// <summary>A cross-field check: when <see cref="Rule"/> is falsy, <see cref="Message"/> is shown on <see cref="Fields"/>.</summary>
public sealed record FormRule(
    PublicServices.Workflows.JsonLogic.JsonLogicRule Rule,
    LocalizedText Message,
    IReadOnlyList<string> Fields,
    SourceLocation Location);
