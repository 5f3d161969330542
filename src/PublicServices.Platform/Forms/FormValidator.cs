using System.Text.Json.Nodes;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Forms;

namespace PublicServices.Platform.Forms;

/// <summary>
/// The server's authority over a form: converts what was typed (strings from an HTML form, or JSON from the API) to typed
/// values and applies every rule of the definition — required, type, length, pattern, range, options or code list,
/// e-mail, phone, CCCD (one field at a time: <see cref="FieldValues"/>, shared with officials' outcome fields), and the
/// cross-field rules — skipping fields hidden by <c>visibleWhen</c>. Uploads are checked where they are received; here a
/// file field holds the list of attachment ids.
/// </summary>
public sealed class FormValidator(CodeListCatalog codeLists, TimeProvider clock)
{
    /// <summary>Validates the fields of <paramref name="pages"/> (one page, or all for the final check) and, when
    /// <paramref name="checkRules"/>, the cross-field rules. <paramref name="context"/> holds other variables rules may read.</summary>
    public FormValidationResult Validate(FormDefinition form, IEnumerable<FormPage> pages, JsonObject input, bool checkRules, JsonObject? context = null)
    {
        var values = new JsonObject();
        var errors = new List<FieldError>();
        var pageList = pages.ToList();
        foreach (var field in pageList.SelectMany(p => p.Fields))
        {
            var (value, error) = FieldValues.Convert(field, input[field.Id], codeLists, clock.GetUtcNow().Year);
            if (error is not null)
                errors.Add(new FieldError(field.Id, error));
            if (value is not null)
                values[field.Id] = value;
        }
        var scope = Scope(form, context, input, values);
        foreach (var field in pageList.SelectMany(p => p.Fields))
        {
            if (field.VisibleWhen is { } visible && !visible.IsTruthy(scope))
            {
                values.Remove(field.Id);
                errors.RemoveAll(e => e.FieldId == field.Id);
                continue;
            }
            if (field.Required && FieldValues.IsEmpty(values[field.Id]) && errors.All(e => e.FieldId != field.Id))
                errors.Add(new FieldError(field.Id, FieldValues.Required(field)));
        }
        if (checkRules && errors.Count == 0)
        {
            scope = Scope(form, context, input, values);
            foreach (var rule in form.Rules.Where(r => !r.Rule.IsTruthy(scope)))
                errors.Add(new FieldError(rule.Fields.FirstOrDefault() ?? "", rule.Message));
        }
        return new FormValidationResult(values, errors);
    }

    private static JsonObject Scope(FormDefinition form, JsonObject? context, JsonObject input, JsonObject values)
    {
        var scope = (JsonObject?)context?.DeepClone() ?? [];
        // Answers of the form's other pages (a page is validated alone), overlaid with this page's.
        if (scope[form.Id] is not JsonObject merged)
            scope[form.Id] = merged = [];
        foreach (var (key, value) in input)
            merged[key] = value?.DeepClone();
        foreach (var (key, value) in values)
            merged[key] = value?.DeepClone();
        return scope;
    }
}
