namespace PublicServices.Web.Features.Shared;

/// <summary>What the _Field partial needs to draw one labelled input with its hint and errors.</summary>
public sealed record FieldModel(string Name, string Label, string Type, string? Value = null, string? Hint = null, string? Autocomplete = null);
