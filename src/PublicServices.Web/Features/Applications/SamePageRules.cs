using System.Text.Json.Nodes;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Web.Features.Applications;

/// <summary>
/// Which <c>visibleWhen</c> rules depend on a field of the page they sit on. Those fields are always rendered (so an
/// applicant without JavaScript can fill the page in one go) and left to wwwroot/js/form-logic.js to show or hide;
/// rules reading only other pages are settled by the server, whose stored answers cannot change on this page.
/// </summary>
public static class SamePageRules
{
    public static bool ReadsPage(JsonLogicRule rule, string formId, FormPage page) =>
        FieldsRead(rule, formId).Any(id => page.Fields.Any(f => f.Id == id));

    /// <summary>The ids of the form's fields the rule reads (<c>registration.electives</c> → <c>electives</c>).</summary>
    public static IEnumerable<string> FieldsRead(JsonLogicRule rule, string formId)
    {
        var prefix = formId + ".";
        return Paths(rule.Source)
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal))
            .Select(p => p[prefix.Length..].Split('.')[0]);
    }

    /// <summary>
    /// The form's cross-field rules that can be checked when page <paramref name="page"/> (1-based) is saved: those
    /// about fields of that page only, reading nothing but the form's fields up to that page and the procedure's settings
    /// (not, say, <c>source.*</c> of a parent dossier, which the submission adds). The applicant hears "choose exactly 2"
    /// on the page where the choice is made, not at the submission; every rule is checked again then.
    /// </summary>
    public static IEnumerable<FormRule> CheckableOn(FormDefinition form, int page)
    {
        var here = form.Pages[page - 1].Fields.Select(f => f.Id).ToHashSet();
        var known = form.Pages.Take(page).SelectMany(p => p.Fields).Select(f => f.Id).ToHashSet();
        var prefix = form.Id + ".";
        return form.Rules.Where(r => r.Fields.Count > 0 && r.Fields.All(here.Contains)
            && Paths(r.Rule.Source).All(p => !p.Contains('.') // reduce's accumulator/current, an item's own field in filter/map
                || p.StartsWith("settings.", StringComparison.Ordinal)
                || p.StartsWith(prefix, StringComparison.Ordinal) && known.Contains(p[prefix.Length..].Split('.')[0])));
    }

    /// <summary>Every variable name the rule reads: <c>var</c>, and the names listed to <c>missing</c> / <c>missing_some</c>.</summary>
    private static IEnumerable<string> Paths(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject { Count: 1 } obj when obj.First() is ("var", var argument):
                if ((argument is JsonArray list ? list.FirstOrDefault() : argument) is JsonValue value && value.TryGetValue<string>(out var read))
                    yield return read;
                break;
            case JsonObject { Count: 1 } obj when obj.First() is ("missing" or "missing_some", var arguments):
                // missing takes the names (or one name); missing_some takes [minimum, [names]].
                var names = obj.First().Key == "missing_some" && arguments is JsonArray { Count: 2 } pair ? pair[1] : arguments;
                foreach (var name in names is JsonArray all ? all.ToList() : [names])
                    if (name is JsonValue text && text.TryGetValue<string>(out var listed))
                        yield return listed;
                foreach (var nested in Paths(arguments))
                    yield return nested;
                break;
            case JsonObject obj:
                foreach (var (_, child) in obj)
                    foreach (var path in Paths(child))
                        yield return path;
                break;
            case JsonArray array:
                foreach (var child in array)
                    foreach (var path in Paths(child))
                        yield return path;
                break;
        }
    }
}
