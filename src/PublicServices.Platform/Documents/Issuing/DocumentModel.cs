using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PublicServices.Platform.Forms;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Platform.Documents.Issuing;

/// <summary>
/// Turns a document step's evaluated <c>data</c> (JSON) into the renderer's model: ISO dates become dates (printed
/// dd/MM/yyyy), whole numbers stay whole, lists of objects become table rows, and a value bound straight to a select
/// field (<c>{ var: form.field }</c>, or one an official filled with a decision) prints as the option's Vietnamese name, not its code.
/// </summary>
public static class DocumentModel
{
    /// <param name="parentOf">For a procedure started from another (<c>startsFrom</c>), finds the parent's definition, so a
    /// value copied straight from one of its select fields (<c>source.council</c> ← <c>registration.council</c>) prints its name too.</param>
    public static Dictionary<string, object?> FromData(JsonObject? data, DocumentStepSettings settings, WorkflowDefinition definition, CodeListCatalog codeLists,
        Func<string, WorkflowDefinition?>? parentOf = null)
    {
        var model = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in data ?? [])
        {
            var field = settings.Data.TryGetValue(name, out var rule) ? SelectFieldOf(rule.Source, definition, parentOf) : null;
            model[name] = field is not null && value is JsonValue code
                ? FieldDisplay.Name(field, code.ToString(), codeLists, "vi")
                : Convert(value);
        }
        return model;
    }

    /// <summary>The select field a rule reads directly: <c>form.field</c>, or <c>task.fields.field</c> (recorded with a decision).</summary>
    private static FieldDefinition? SelectFieldOf(JsonNode? rule, WorkflowDefinition definition, Func<string, WorkflowDefinition?>? parentOf)
    {
        if (rule is not JsonObject { Count: 1 } single || single["var"] is not JsonValue path || !path.TryGetValue<string>(out var written))
            return null;
        var parts = written.Split('.');
        if (parts is [StartsFrom.Variable, var copied] && definition.StartsFrom is { } origin && origin.Copy.TryGetValue(copied, out var copy)
            && parentOf?.Invoke(origin.Procedure) is { } parent)
            return SelectFieldOf(copy.Source, parent, null);
        IEnumerable<FieldDefinition> candidates = parts switch
        {
            [var form, _] when definition.Forms.TryGetValue(form, out var found) => found.Pages.SelectMany(p => p.Fields),
            [var step, "fields", _] when definition.Flow.Steps.GetValueOrDefault(step)?.Settings is TaskStepSettings task =>
                task.Outcomes.Values.SelectMany(o => o.Fields),
            _ => [],
        };
        return candidates.FirstOrDefault(f => f.Id == parts[^1] && f.Type == FieldType.Select);
    }

    private static object? Convert(JsonNode? node) => node switch
    {
        null => null,
        JsonObject map => map.ToDictionary(p => p.Key, p => Convert(p.Value), StringComparer.Ordinal),
        JsonArray list => list.Select(item => item is JsonObject ? Convert(item) : Convert(item)?.ToString()).ToList(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => AsDateOrText(value.GetValue<string>()),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number =>
            value.TryGetValue<long>(out var whole) ? whole : value.GetValue<double>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => node.ToString(),
    };

    private static object AsDateOrText(string text) =>
        text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : text;

    /// <summary>Cells of table columns that name a code list print the code's Vietnamese name ("TOAN" → "Toán").</summary>
    public static void NameCodes(DocumentTemplate template, Dictionary<string, object?> model, CodeListCatalog codeLists)
    {
        foreach (var table in template.Blocks.OfType<TableBlock>())
        {
            if (model.GetValueOrDefault(table.RowsPlaceholder) is not List<object?> rows)
                continue;
            foreach (var column in table.Columns.Where(c => c.CodeList is not null))
                foreach (var row in rows.OfType<Dictionary<string, object?>>())
                    if (row.GetValueOrDefault(column.Key) is string code && codeLists.Find(column.CodeList!)?.Find(code) is { } item)
                        row[column.Key] = item.Name.Vi;
        }
    }
}
