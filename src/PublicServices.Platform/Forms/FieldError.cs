using PublicServices.Workflows.Definitions;

namespace PublicServices.Platform.Forms;

/// <summary>A problem with one field (or with the form, when <see cref="FieldId"/> is empty), in both languages.</summary>
public sealed record FieldError(string FieldId, LocalizedText Message);
