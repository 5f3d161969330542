using System.Text.Json.Nodes;

namespace PublicServices.Platform.Forms;

/// <summary>The form's values converted to their types (numbers, ISO dates, booleans, lists), and every problem found.</summary>
public sealed record FormValidationResult(JsonObject Values, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
