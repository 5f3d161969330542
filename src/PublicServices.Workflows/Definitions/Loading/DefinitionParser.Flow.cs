using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.JsonLogic;
using YamlDotNet.RepresentationModel;

namespace PublicServices.Workflows.Definitions.Loading;

internal sealed partial class DefinitionParser
{
    /// <summary>Keys of a step that are not its activity's settings.</summary>
    private static readonly HashSet<string> StepKeys = ["type", "then", "title", "outcomes"];

    private static readonly Dictionary<string, LocalizedText> DefaultOutcomeLabels = new(StringComparer.Ordinal)
    {
        ["accept"] = new("Tiếp nhận", "Accept"),
        ["approve"] = new("Phê duyệt", "Approve"),
        ["recognise"] = new("Công nhận", "Recognise"),
        ["verify"] = new("Xác nhận", "Verify"),
        ["sign"] = new("Ký duyệt", "Sign"),
        ["refuse"] = new("Từ chối", "Refuse"),
        ["return"] = new("Trả lại để sửa", "Return for correction"),
        ["supplement"] = new("Yêu cầu bổ sung", "Request supplement"),
        ["send-back"] = new("Trả lại chuyên viên", "Send back"),
    };

    private static readonly JsonSerializerOptions SettingsJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonLogicRuleJsonConverter(), new DurationSpecJsonConverter(), new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>
    /// Steps that could not be read (their errors are reported), with the targets they name: graph checks follow those
    /// targets and treat the step itself as able to end, so one mistake is not repeated as "unreachable" elsewhere.
    /// </summary>
    public Dictionary<string, IReadOnlyCollection<string>> FailedSteps { get; } = new(StringComparer.Ordinal);

    private FlowDefinition? ParseFlow(YamlMappingNode root)
    {
        if (read.Mapping(YamlReader.Get(root, "flow"), "flow") is not { } flow)
        {
            if (YamlReader.Get(root, "flow") is null)
                read.Error(root, "Thiếu 'flow' / Missing `flow:` with `start:` and `steps:`.");
            return null;
        }
        var start = read.String(flow, "start", required: true);
        flowStart = start;
        var steps = new Dictionary<string, StepDefinition>(StringComparer.Ordinal);
        var mapping = read.Mapping(YamlReader.Get(flow, "steps"), "steps");
        if (mapping is not null)
            foreach (var (key, value) in mapping.Children)
            {
                var id = ((YamlScalarNode)key).Value!;
                if (read.Mapping(value, id) is { } step && ParseStep(id, step) is { } parsed)
                    steps[id] = parsed;
                else
                    FailedSteps[id] = targetsOfLastStep;
            }
        else
            read.Error(flow, "Thiếu 'steps' / Missing `steps:` in the flow.");
        if (start is not null && !steps.ContainsKey(start) && mapping?.Children.ContainsKey(new YamlScalarNode(start)) != true)
            read.Error(YamlReader.Get(flow, "start")!, $"Bước bắt đầu '{start}' không có / The start step '{start}' does not exist.");
        var declared = mapping?.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).ToHashSet() ?? [];
        foreach (var (target, node) in targets.Where(t => !declared.Contains(t.Target)))
            read.Error(node, $"Bước '{target}' không có / Outcome leads to a missing step '{target}': add it under `steps:` or fix the name.");
        return start is null ? null : new FlowDefinition(start, steps);
    }

    private IReadOnlyCollection<string> targetsOfLastStep = [];

    private string? flowStart;

    private StepDefinition? ParseStep(string id, YamlMappingNode step)
    {
        targetsOfLastStep = [];
        var type = read.String(step, "type", required: true);
        if (type is null)
            return null;
        if (!registry.TryGet(type, out _, out var settingsType))
        {
            read.Error(YamlReader.Get(step, "type")!, $"Loại bước '{type}' không có / Unknown step type '{type}': use one of {string.Join(", ", registry.Names)}.");
            return null;
        }
        var transitions = new Dictionary<string, string>(StringComparer.Ordinal);
        var settings = new JsonObject();
        foreach (var (key, value) in step.Children)
            if (!StepKeys.Contains(((YamlScalarNode)key).Value!))
                settings[((YamlScalarNode)key).Value!] = read.Json(value);
        ParseThen(step, transitions);
        var outcomesValid = true;
        if (type == "task")
        {
            var (outcomes, valid) = ParseTaskOutcomes(step, transitions);
            settings["outcomes"] = outcomes;
            outcomesValid = valid;
        }
        var remindValid = true;
        if (YamlReader.Get(step, "remind") is { } remind && !(remindValid = CheckRemind(id, type, step, remind)))
            settings.Remove("remind"); // reported precisely above; not again as a settings error
        string? opensSetting = null, closesSetting = null;
        var windowValid = type != "form" || ResolveWindow(settings, "opens", out opensSetting) & ResolveWindow(settings, "closes", out closesSetting);
        targetsOfLastStep = transitions.Values.ToList();
        if (type == "parallel" && YamlReader.Get(step, "branches") is YamlSequenceNode branches)
            foreach (var branch in branches.OfType<YamlScalarNode>())
                targets.Add((branch.Value!, branch));
        var parsed = windowValid ? Settings(id, step, settings, settingsType) : null;
        if (parsed is FormStepSettings form && (opensSetting ?? closesSetting) is not null)
            parsed = form with { OpensSetting = opensSetting, ClosesSetting = closesSetting };
        if (parsed is TaskStepSettings task && outcomeFields.Count > 0)
            parsed = task with
            {
                Outcomes = task.Outcomes.ToDictionary(o => o.Key,
                    o => outcomeFields.TryGetValue(o.Key, out var fields) ? o.Value with { Fields = fields } : o.Value, StringComparer.Ordinal),
            };
        return parsed is null || !outcomesValid || !remindValid || !windowValid ? null : new StepDefinition(id, type, parsed, transitions, read.Map.At(step))
        {
            Title = read.Text(step, "title", required: false),
        };
    }

    private void ParseThen(YamlMappingNode step, Dictionary<string, string> transitions)
    {
        switch (YamlReader.Get(step, "then"))
        {
            case YamlScalarNode { Value: { } next } node:
                transitions[StepDefinition.DefaultOutcome] = next;
                targets.Add((next, node));
                break;
            case YamlMappingNode map:
                foreach (var (outcome, target) in map.Children)
                    if (target is YamlScalarNode { Value: { } to })
                    {
                        transitions[((YamlScalarNode)outcome).Value!] = to;
                        targets.Add((to, target));
                    }
                    else
                        read.Error(target, "Mỗi kết quả dẫn tới tên một bước / Each outcome maps to a step name.");
                break;
            case { } other:
                read.Error(other, "'then' là tên bước hoặc ánh xạ kết quả → bước / `then:` is a step name or a map of outcome: step.");
                break;
        }
    }

    /// <summary>
    /// Task outcomes carry their target: <c>accept: assess</c>, or <c>refuse: { to: refusal, label: {vi, en}, requiresReason: true }</c>,
    /// optionally <c>dossierDeadline: 45 working days</c> (the dossier's legal due date, counted again from its submission)
    /// and <c>fields:</c> the official fills with the decision.
    /// </summary>
    private (JsonObject Outcomes, bool Valid) ParseTaskOutcomes(YamlMappingNode step, Dictionary<string, string> transitions)
    {
        outcomeFields.Clear();
        var outcomes = new JsonObject();
        var valid = true;
        if (read.Mapping(YamlReader.Get(step, "outcomes"), "outcomes") is not { } mapping)
        {
            read.Error(step, "Nhiệm vụ cần 'outcomes' / A task needs `outcomes:` (e.g. `accept: next-step`).");
            return (outcomes, false);
        }
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            YamlNode? target = value is YamlMappingNode detail ? YamlReader.Get(detail, "to") : value;
            if (target is YamlScalarNode { Value: { } to })
            {
                transitions[name] = to;
                targets.Add((to, target));
            }
            else
                read.Error(value, $"Kết quả '{name}' cần 'to' / Outcome '{name}' needs the step it leads to (`{name}: step` or `to: step`).");
            LocalizedText? label;
            if (value is YamlMappingNode withLabel && YamlReader.Get(withLabel, "label") is not null)
                label = read.Text(withLabel, "label", required: true);
            else if (!DefaultOutcomeLabels.TryGetValue(name, out label))
                read.Error(value, $"Kết quả '{name}' cần nhãn / Outcome '{name}' needs `label: {{ vi: …, en: … }}` (no default label for this name).");
            valid &= label is not null;
            label ??= new LocalizedText(name, name); // keeps checking the other settings; the step is refused anyway
            outcomes[name] = new JsonObject
            {
                ["label"] = label is null ? null : new JsonObject { ["vi"] = label.Vi, ["en"] = label.En },
                ["requiresReason"] = value is YamlMappingNode flags && read.Bool(flags, "requiresReason"),
            };
            if (value is YamlMappingNode withDeadline && YamlReader.Get(withDeadline, "dossierDeadline") is YamlScalarNode { Value: { } deadline })
                outcomes[name]!["dossierDeadline"] = deadline;
            if (value is YamlMappingNode withFields && YamlReader.Get(withFields, "fields") is { } fields)
                outcomeFields[name] = ParseOutcomeFields(name, fields);
        }
        return (outcomes, valid);
    }

    /// <summary>
    /// <c>remind: { template: deadline-approaching, before: 2 days }</c>: only on the applicant's waits with a due time
    /// (a form step after the start with <c>due:</c> or <c>closes:</c>, a payment step), calendar time only, and shorter
    /// than the wait itself — otherwise the reminder would go out the moment the step opens.
    /// </summary>
    private bool CheckRemind(string id, string type, YamlMappingNode step, YamlNode node)
    {
        if (type is not ("form" or "payment"))
        {
            read.Error(node, $"'remind' chỉ dùng cho bước 'form' hoặc 'payment' / `remind:` belongs on a `form` or `payment` step " +
                             $"(a wait of the applicant with a due time), not on a '{type}' step.");
            return false;
        }
        if (id == flowStart)
        {
            read.Error(node, "Biểu mẫu đầu tiên là bản nháp, không có hạn để nhắc / The first form is filled as a draft before the procedure " +
                             "starts: there is no wait to remind of (drafts warn before they expire, see Drafts__WarnDays).");
            return false;
        }
        if (read.Mapping(node, "remind") is not { } map)
            return false;
        var valid = true;
        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not ("template" or "before")))
        {
            read.Error(key, $"Khóa '{key.Value}' không dùng trong 'remind' / Unknown key '{key.Value}' in `remind:`: use `template` and `before`.");
            valid = false;
        }
        var template = read.String(map, "template", required: true);
        if (template is not null && !IdPattern().IsMatch(template))
        {
            read.Error(YamlReader.Get(map, "template")!, $"Tên mẫu '{template}' không hợp lệ / The template name '{template}' must be a file name " +
                                                         "of templates/notifications/ without .yaml (a-z, 0-9, -).");
            valid = false;
        }
        valid &= template is not null;
        var before = read.Duration(map, "before");
        if (before is null)
        {
            if (YamlReader.Get(map, "before") is null)
                read.Error(map, "Thiếu 'before' / Missing `before:`: how long before the due time to remind, e.g. `before: 2 days`.");
            return false;
        }
        var beforeNode = YamlReader.Get(map, "before")!;
        if (before.Unit == DurationUnit.WorkingDays)
        {
            read.Error(beforeNode, "'before' tính theo ngày, giờ, phút thực / `before:` counts calendar time: write `2 days`, `36 hours` or " +
                                   "`90 minutes`, not working days.");
            return false;
        }
        if (before.Amount <= 0)
        {
            read.Error(beforeNode, "'before' phải lớn hơn 0 / `before:` must be more than zero.");
            return false;
        }
        var spanKey = type == "payment" ? "expiry" : "due";
        if (type == "form" && YamlReader.Get(step, "due") is null && YamlReader.Get(step, "closes") is null)
        {
            read.Error(node, "Nhắc hạn cần bước có hạn / A reminder needs a due time: add `due:` (or `closes:`) to the step.");
            return false;
        }
        if (PeekDuration(YamlReader.Get(step, spanKey)) is { } span && Shortest(span) <= Shortest(before))
        {
            read.Error(beforeNode, $"'before' phải ngắn hơn '{spanKey}' của bước / `before:` must be shorter than the step's `{spanKey}:`, " +
                                   "or the reminder would go out the moment the step opens.");
            return false;
        }
        return valid;
    }

    /// <summary>A duration written in the step, without reporting (its own setting reports a bad one).</summary>
    private static DurationSpec? PeekDuration(YamlNode? node) => node switch
    {
        YamlScalarNode { Value: { } text } => DurationParser.TryParse(text),
        YamlMappingNode map when YamlReader.Get(map, "workingDays") is YamlScalarNode { Value: var days } && int.TryParse(days, out var n)
            => new DurationSpec(n, DurationUnit.WorkingDays),
        _ => null,
    };

    /// <summary>The least time a duration can take: N working days end no sooner than N days later.</summary>
    private static TimeSpan Shortest(DurationSpec duration) => duration.Unit switch
    {
        DurationUnit.WorkingDays or DurationUnit.Days => TimeSpan.FromDays(duration.Amount),
        DurationUnit.Hours => TimeSpan.FromHours(duration.Amount),
        _ => TimeSpan.FromMinutes(duration.Amount),
    };

    /// <summary>The fields of the task step being read, per outcome (the settings record is read from JSON; these are added after).</summary>
    private readonly Dictionary<string, IReadOnlyList<FieldDefinition>> outcomeFields = new(StringComparer.Ordinal);

    /// <summary>
    /// <c>fields:</c> of a task outcome: what the official records with the decision, in the form field syntax. Uploads,
    /// <c>visibleWhen</c> and <c>prefill</c> have no meaning there and are refused.
    /// </summary>
    private List<FieldDefinition> ParseOutcomeFields(string outcome, YamlNode node)
    {
        var fields = new List<FieldDefinition>();
        if (node is not YamlSequenceNode list)
        {
            read.Error(node, $"'fields' của kết quả '{outcome}' phải là danh sách / `fields:` of outcome '{outcome}' must be a list of fields.");
            return fields;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            if (item is not YamlMappingNode field)
            {
                read.Error(item, "Mỗi trường là một ánh xạ / Each field is a mapping: `{ id, type, label: { vi, en }, … }`.");
                continue;
            }
            if (YamlReader.Get(field, "type") is YamlScalarNode { Value: "file" } fileType)
            {
                read.Error(fileType, $"Kết quả '{outcome}' không nhận trường tải tệp / Outcome '{outcome}' cannot have a `file` field: officials do not upload with a decision.");
                continue;
            }
            foreach (var key in new[] { "visibleWhen", "prefill" })
                if (YamlReader.Get(field, key) is { } unsupported)
                    read.Error(unsupported, $"'{key}' không dùng cho trường của kết quả / `{key}` is not supported on the fields of a task outcome.");
            if (ParseField(field) is not { } parsed)
                continue;
            if (!ids.Add(parsed.Id))
                read.Error(field, $"Trùng mã trường '{parsed.Id}' / Duplicate field id '{parsed.Id}' in outcome '{outcome}'.");
            else
                fields.Add(parsed);
        }
        return fields;
    }

    /// <summary>Reads the step's settings into its activity's record; JsonLogic parts are checked first to point at their lines.</summary>
    private IStepSettings? Settings(string id, YamlMappingNode step, JsonObject settings, Type settingsType)
    {
        var rulesValid = true;
        foreach (var property in settingsType.GetProperties())
        {
            var node = settings[JsonNamingPolicy.CamelCase.ConvertName(property.Name)];
            var rules = property.PropertyType == typeof(JsonLogicRule) ? [node]
                : property.PropertyType == typeof(IReadOnlyDictionary<string, JsonLogicRule>) && node is JsonObject map ? map.Select(p => p.Value).ToArray()
                : property.PropertyType == typeof(WaitDataSettings) && node is JsonObject data ? [data["dataset"], data["key"]]
                : [];
            foreach (var rule in rules.Where(r => r is not null || property.PropertyType == typeof(JsonLogicRule)))
                try
                {
                    JsonLogicRule.Parse(rule);
                }
                catch (JsonLogicException error)
                {
                    read.Error(read.Map.Of(error.Node) ?? read.Map.Of(rule) ?? read.Map.At(step), error.Message);
                    rulesValid = false;
                }
        }
        if (!rulesValid)
            return null;
        try
        {
            return (IStepSettings?)settings.Deserialize(settingsType, SettingsJson);
        }
        catch (JsonException error)
        {
            var location = Locate(settings, error.Path) ?? read.Map.At(step);
            read.Error(location, $"Cấu hình bước '{id}' sai / Step '{id}' settings: {Explain(error)}");
            return null;
        }
    }

    private SourceLocation? Locate(JsonObject settings, string? path)
    {
        JsonNode? node = settings;
        foreach (var part in (path ?? "$").TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
            node = node is JsonObject obj ? obj[part.Trim('[', ']', '\'')] : null;
        return read.Map.Of(node);
    }

    private static string Explain(JsonException error) =>
        error.Message.Contains("missing required properties", StringComparison.Ordinal)
            ? "thiếu thiết lập bắt buộc / a required setting is missing — " + error.Message.Split("including:").Last().Trim()
            : error.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "có khóa không biết / unknown key — " + error.Message
                : error.Message;
}
