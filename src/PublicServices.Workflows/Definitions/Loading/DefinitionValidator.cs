using System.Text.Json.Nodes;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Workflows.Definitions.Loading;

/// <summary>
/// Checks a parsed definition as a whole: outcomes against step types, reachability from the start, that every branch
/// can end, and references to forms, fields and code lists.
/// </summary>
internal static class DefinitionValidator
{
    public static void Validate(WorkflowDefinition definition, CodeListCatalog codeLists, List<DefinitionError> errors, IReadOnlyDictionary<string, IReadOnlyCollection<string>> failedSteps)
    {
        var steps = definition.Flow.Steps;
        foreach (var step in steps.Values)
        {
            CheckOutcomes(step, errors);
            if (step.Settings is FormStepSettings form && !definition.Forms.ContainsKey(form.Form))
                errors.Add(new DefinitionError(step.Location, $"Biểu mẫu '{form.Form}' không có / Unknown form '{form.Form}': declare it under `forms:`."));
            if (step.Settings is FormStepSettings { RequestedBy: { } requester } && definition.Flow.Steps.GetValueOrDefault(requester)?.Settings is not TaskStepSettings)
                errors.Add(new DefinitionError(step.Location,
                    $"'requestedBy: {requester}' không phải bước 'task' / 'requestedBy: {requester}' is not a task step: name the officials' step that asks for the supplement."));
            if (step.Settings is DocumentStepSettings { SignedBy: { } signer } && definition.Flow.Steps.GetValueOrDefault(signer)?.Settings is not TaskStepSettings)
                errors.Add(new DefinitionError(step.Location,
                    $"'signedBy: {signer}' không phải bước 'task' / 'signedBy: {signer}' is not a task step: name the officials' step whose decision is signed."));
            if (step.Settings is WaitStepSettings { Data: not null, Signal: null })
                errors.Add(new DefinitionError(step.Location,
                    $"'data' chỉ dùng khi chờ tín hiệu / Step '{step.Id}': `data:` is received with a signal: add `signal:` (it cannot come with a time)."));
            foreach (var rule in Rules(step.Settings))
                CheckVariables(rule, definition, step.Location, errors);
            if (step.Settings is FormStepSettings { Edits: { } edits })
                CheckEdits(step, edits, definition, errors);
            if (step.Settings is TaskStepSettings task)
                foreach (var field in task.Outcomes.Values.SelectMany(o => o.Fields))
                    CheckCodeList(field, codeLists, errors);
        }
        CheckGraph(definition, failedSteps, errors);
        if (definition.StartsFrom is { Procedure: var parent } startsFrom && parent == definition.Id)
            errors.Add(new DefinitionError(startsFrom.Location, "'startsFrom' không thể là chính thủ tục này / `startsFrom:` cannot name the procedure itself."));
        // Instances keep their settings under `settings`: no form and no step (whose decisions are kept under its id) may take the name.
        if (definition.Forms.TryGetValue(SettingsVariable, out var clash))
            errors.Add(new DefinitionError(clash.Location, "Không đặt tên biểu mẫu là 'settings' / A form cannot be called 'settings': the name holds the procedure's settings."));
        if (steps.TryGetValue(SettingsVariable, out var clashing))
            errors.Add(new DefinitionError(clashing.Location, "Không đặt tên bước là 'settings' / A step cannot be called 'settings': the name holds the procedure's settings."));
        if (definition.UniqueBy is { } unique)
            CheckVariables(unique.Rule, definition, unique.Location, errors);
        foreach (var highlight in definition.Highlights)
            CheckVariables(highlight.Value, definition, highlight.Location, errors);
        foreach (var form in definition.Forms.Values)
        {
            foreach (var field in form.Pages.SelectMany(p => p.Fields))
            {
                CheckCodeList(field, codeLists, errors);
                if (field.Prefill is { } prefill && prefill.StartsWith(StartsFrom.Variable + ".", StringComparison.Ordinal))
                    CheckSource(prefill, definition, field.Location, errors);
                if (field.VisibleWhen is { } visible)
                    CheckVariables(visible, definition, field.Location, errors);
            }
            foreach (var rule in form.Rules)
                CheckVariables(rule.Rule, definition, rule.Location, errors);
        }
    }

    private static void CheckCodeList(FieldDefinition field, CodeListCatalog codeLists, List<DefinitionError> errors)
    {
        if (field.CodeList is { } list && codeLists.Find(list) is null)
            errors.Add(new DefinitionError(field.Location, $"Danh mục '{list}' không có / Unknown code list '{list}': add workflows/codelists/{list}.yaml."));
    }

    public static IReadOnlyCollection<string> OutcomesOf(StepDefinition step) => step.Settings switch
    {
        FormStepSettings => ["submitted", "expired"],
        TaskStepSettings task => task.Outcomes.Keys.ToList(),
        PaymentStepSettings => ["paid", "expired", "cancelled"],
        DecisionStepSettings => ["true", "false"],
        ParallelStepSettings or EndStepSettings => [],
        _ => [StepDefinition.DefaultOutcome],
    };

    private static void CheckOutcomes(StepDefinition step, List<DefinitionError> errors)
    {
        var allowed = OutcomesOf(step);
        foreach (var outcome in step.Transitions.Keys.Where(o => !allowed.Contains(o)))
            errors.Add(new DefinitionError(step.Location,
                $"Bước '{step.Id}' ({step.Type}) không có kết quả '{outcome}' / Step '{step.Id}' ({step.Type}) has no outcome '{outcome}'" +
                (allowed.Count == 0 ? ": it takes no `then:`." : $": use {string.Join(", ", allowed)}.")));
        var optional = step.Settings is FormStepSettings { Due: null, Closes: null } ? "expired" : null;
        foreach (var outcome in allowed.Where(o => o != optional && !step.Transitions.ContainsKey(o)))
            errors.Add(new DefinitionError(step.Location,
                $"Bước '{step.Id}' chưa chỉ ra bước tiếp theo khi '{outcome}' / Step '{step.Id}' does not say where '{outcome}' leads: add it under `then:`."));
    }

    /// <summary>Reachability from the start and a way to an end; steps that failed to parse count as able to end.</summary>
    private static void CheckGraph(WorkflowDefinition definition, IReadOnlyDictionary<string, IReadOnlyCollection<string>> failedSteps, List<DefinitionError> errors)
    {
        var steps = definition.Flow.Steps;
        IEnumerable<string> Next(StepDefinition step) =>
            step.Transitions.Values.Concat(step.Settings is ParallelStepSettings p ? p.Branches : [])
                .Where(id => steps.ContainsKey(id) || failedSteps.ContainsKey(id));

        var reachable = new HashSet<string>();
        var queue = new Queue<string>();
        if (steps.ContainsKey(definition.Flow.Start) || failedSteps.ContainsKey(definition.Flow.Start))
            queue.Enqueue(definition.Flow.Start);
        while (queue.TryDequeue(out var id))
            if (reachable.Add(id))
                foreach (var next in steps.TryGetValue(id, out var step) ? Next(step) : failedSteps[id].Where(t => steps.ContainsKey(t) || failedSteps.ContainsKey(t)))
                    queue.Enqueue(next);

        // A step leading to a missing step is already reported as such; do not also call it endless.
        var canEnd = steps.Values
            .Where(s => s.Settings is EndStepSettings || s.Transitions.Values.Any(t => !steps.ContainsKey(t) && !failedSteps.ContainsKey(t)))
            .Select(s => s.Id).Concat(failedSteps.Keys).ToHashSet();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var step in steps.Values.Where(s => !canEnd.Contains(s.Id) && Next(s).Any(canEnd.Contains)))
                changed |= canEnd.Add(step.Id);
        }

        foreach (var step in steps.Values)
        {
            if (!reachable.Contains(step.Id))
                errors.Add(new DefinitionError(step.Location,
                    $"Không bước nào dẫn tới '{step.Id}' / Step '{step.Id}' is unreachable from '{definition.Flow.Start}': connect it or remove it."));
            else if (!canEnd.Contains(step.Id))
                errors.Add(new DefinitionError(step.Location,
                    $"Từ bước '{step.Id}' không thể kết thúc / From step '{step.Id}' the procedure can never end: lead it to an `end` step."));
        }
    }

    private static IEnumerable<JsonLogicRule> Rules(IStepSettings settings) => settings switch
    {
        PaymentStepSettings p => [p.Amount],
        DecisionStepSettings d => [d.Condition],
        SetStepSettings s => s.Variables.Values,
        DocumentStepSettings d => d.Data.Values.Concat(new[] { d.Issuer, d.Replaces }.OfType<JsonLogicRule>()),
        TaskStepSettings { Unit: { } unit } => [unit],
        WaitStepSettings w => new[] { w.Key, w.Until, w.Data?.Dataset, w.Data?.Key }.OfType<JsonLogicRule>(),
        NumberStepSettings n => [n.Sequence, n.Format],
        DatasetStepSettings d => d.Merge.Values.OfType<JsonLogicRule>().Prepend(d.Key).Prepend(d.Dataset),
        _ => [],
    };

    public const string SettingsVariable = ProcedureSetting.Variable;

    /// <summary>
    /// <c>edits:</c> only on the start form (filled as a draft, then changed while officials have not moved on), naming the
    /// steps it may happen at and the step the flow continues from.
    /// </summary>
    private static void CheckEdits(StepDefinition step, FormEdits edits, WorkflowDefinition definition, List<DefinitionError> errors)
    {
        if (step.Id != definition.Flow.Start || step.Settings is FormStepSettings { Mode: FormMode.Amend })
            errors.Add(new DefinitionError(step.Location,
                $"'edits' chỉ dùng cho biểu mẫu đầu tiên / `edits:` belongs on the start form (step '{definition.Flow.Start}'), not on '{step.Id}'."));
        if (edits.While.Count == 0)
            errors.Add(new DefinitionError(step.Location, "'edits.while' cần ít nhất một bước / `edits.while:` needs at least one step at which the applicant may edit."));
        foreach (var id in edits.While.Where(id => !definition.Flow.Steps.ContainsKey(id)))
            errors.Add(new DefinitionError(step.Location, $"Bước '{id}' trong 'edits.while' không có / `edits.while:` names a missing step '{id}'."));
        foreach (var id in edits.While.Where(id => id == step.Id))
            errors.Add(new DefinitionError(step.Location, $"'edits.while' không gồm chính biểu mẫu / `edits.while:` cannot name the form itself ('{id}')."));
        if (!definition.Flow.Steps.ContainsKey(edits.Restart))
            errors.Add(new DefinitionError(step.Location, $"Bước '{edits.Restart}' trong 'edits.restart' không có / `edits.restart:` names a missing step '{edits.Restart}'."));
        else if (edits.Restart == step.Id)
            errors.Add(new DefinitionError(step.Location, "'edits.restart' không thể là chính biểu mẫu / `edits.restart:` must be a step after the form (e.g. the routing decision)."));
    }

    /// <summary>A <c>var</c> path "form.field…" must name a field of that form, and "task.fields.field" a field of one of
    /// that task's outcomes (other variables are not checked).</summary>
    private static void CheckVariables(JsonLogicRule rule, WorkflowDefinition definition, SourceLocation location, List<DefinitionError> errors)
    {
        foreach (var path in VarPaths(rule.Source))
        {
            var parts = path.Split('.');
            if (parts[0] == StartsFrom.Variable && !definition.Forms.ContainsKey(parts[0]))
                CheckSource(path, definition, location, errors);
            if (parts[0] == SettingsVariable && parts.Length >= 2 && !definition.Settings.ContainsKey(parts[1]))
                errors.Add(new DefinitionError(location,
                    $"Thiết lập '{parts[1]}' không có / Unknown setting '{parts[1]}' (in {{\"var\": \"{path}\"}}): declare it under `settings:`."));
            if (parts.Length >= 3 && parts[1] == "fields" && !definition.Forms.ContainsKey(parts[0])
                && definition.Flow.Steps.GetValueOrDefault(parts[0])?.Settings is TaskStepSettings task
                && !task.Outcomes.Values.Any(o => o.Fields.Any(f => f.Id == parts[2])))
                errors.Add(new DefinitionError(location,
                    $"Bước '{parts[0]}' không có trường kết quả '{parts[2]}' / No outcome of step '{parts[0]}' has a field '{parts[2]}' (in {{\"var\": \"{path}\"}})."));
            if (parts.Length < 2 || !definition.Forms.TryGetValue(parts[0], out var form))
                continue;
            if (!form.Pages.SelectMany(p => p.Fields).Any(f => f.Id == parts[1]))
                errors.Add(new DefinitionError(location,
                    $"Biểu mẫu '{parts[0]}' không có trường '{parts[1]}' / Form '{parts[0]}' has no field '{parts[1]}' (in {{\"var\": \"{path}\"}})."));
        }
    }

    /// <summary>"source.key…" must name a value the procedure copies with <c>startsFrom:</c> (or <c>source.dossierCode</c>).</summary>
    private static void CheckSource(string path, WorkflowDefinition definition, SourceLocation location, List<DefinitionError> errors)
    {
        var parts = path.Split('.');
        if (definition.StartsFrom is null)
            errors.Add(new DefinitionError(location,
                $"'{path}' cần 'startsFrom' / '{path}' reads a value copied from a parent dossier, but the procedure has no `startsFrom:`."));
        else if (parts.Length < 2 || !definition.StartsFrom.Provides(parts[1]))
            errors.Add(new DefinitionError(location,
                $"'startsFrom.copy' không có '{(parts.Length < 2 ? "" : parts[1])}' / `startsFrom.copy` has no '{(parts.Length < 2 ? "" : parts[1])}' " +
                $"(in '{path}'): copy it, or use {StartsFrom.Variable}.{StartsFrom.DossierCodeKey}."));
    }

    private static IEnumerable<string> VarPaths(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject { Count: 1 } obj when obj.First().Key == "var":
                var argument = obj.First().Value;
                var first = argument is JsonArray list ? list.FirstOrDefault() : argument;
                if (first is JsonValue value && value.TryGetValue<string>(out var written))
                    yield return written;
                break;
            case JsonObject obj:
                foreach (var (_, child) in obj)
                    foreach (var path in VarPaths(child))
                        yield return path;
                break;
            case JsonArray array:
                foreach (var child in array)
                    foreach (var path in VarPaths(child))
                        yield return path;
                break;
        }
    }
}
