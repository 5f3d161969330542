using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Workflows.Definitions.Loading;

/// <summary>
/// Checks, once every file is loaded, that a <c>startsFrom:</c> names a loaded procedure, steps of it and results one of
/// its <c>end</c> steps gives (in any loaded version: running parents may be on an older one).
/// </summary>
internal static class StartsFromReferences
{
    /// <summary>Reports problems and returns the definitions to drop. <paramref name="requireParent"/>: the whole folder
    /// was loaded, so a parent that is absent is an error (not when one file is checked on its own).</summary>
    public static HashSet<LoadedDefinition> Check(IReadOnlyList<LoadedDefinition> loaded, bool requireParent, List<DefinitionError> errors)
    {
        var invalid = new HashSet<LoadedDefinition>();
        foreach (var child in loaded)
        {
            if (child.Definition.StartsFrom is not { } startsFrom)
                continue;
            var parents = loaded.Where(l => l.Definition.Id == startsFrom.Procedure).Select(l => l.Definition).ToList();
            var before = errors.Count;
            if (parents.Count == 0)
            {
                if (requireParent)
                    errors.Add(new DefinitionError(startsFrom.Location,
                        $"Không có thủ tục '{startsFrom.Procedure}' / `startsFrom:` names no loaded procedure '{startsFrom.Procedure}'."));
            }
            else
            {
                foreach (var step in startsFrom.Steps.Where(s => parents.All(p => !p.Flow.Steps.ContainsKey(s))))
                    errors.Add(new DefinitionError(startsFrom.Location,
                        $"Thủ tục '{startsFrom.Procedure}' không có bước '{step}' / '{startsFrom.Procedure}' has no step '{step}' (in `startsFrom.when.steps`)."));
                var results = parents.SelectMany(p => p.Flow.Steps.Values).Select(s => s.Settings).OfType<EndStepSettings>().Select(e => e.Result).ToHashSet();
                foreach (var result in startsFrom.Results.Where(r => !results.Contains(r)))
                    errors.Add(new DefinitionError(startsFrom.Location,
                        $"Thủ tục '{startsFrom.Procedure}' không kết thúc với '{result}' / No `end` step of '{startsFrom.Procedure}' has `result: {result}` " +
                        "(in `startsFrom.when.results`)."));
            }
            if (errors.Count > before)
                invalid.Add(child);
        }
        return invalid;
    }
}
