using PublicServices.Workflows.Definitions;

namespace PublicServices.Platform.Dossiers;

/// <summary>
/// A supplement an official asked for: the open amend-form wait, the official's reason, and the fields the applicant
/// may change (every field of the form when the official named none).
/// </summary>
public sealed record AmendmentRequest(Guid BookmarkId, FormDefinition Form, string? Reason, IReadOnlyList<FieldDefinition> Fields);
