using Microsoft.Extensions.Configuration;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Platform.Engine;

/// <summary>
/// Per-environment values of procedure settings: <c>Workflows:Settings:&lt;procedureId&gt;:&lt;name&gt;</c> (environment
/// variable <c>Workflows__Settings__exam-registration__examYear=2028</c>). Applied to every loaded version of the procedure
/// after its file was checked (the file's own text, and so its version check, never changes). A value that does not parse as
/// the setting's type, or a name the procedure does not declare, is an error that stops the start-up.
/// </summary>
public static class SettingOverrides
{
    public const string Section = "Workflows:Settings";

    public static WorkflowDefinition Apply(WorkflowDefinition definition, IConfiguration configuration, List<string> errors)
    {
        var section = configuration.GetSection(Section).GetSection(definition.Id);
        var overrides = section.GetChildren().Where(c => c.Value is not null).ToList();
        if (overrides.Count == 0)
            return definition;
        var settings = definition.Settings.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        foreach (var entry in overrides)
        {
            var key = $"{Section}:{definition.Id}:{entry.Key}";
            if (!settings.TryGetValue(entry.Key, out var setting))
            {
                errors.Add($"{key}: thủ tục '{definition.Id}' không có thiết lập '{entry.Key}' / procedure '{definition.Id}' declares no setting " +
                           $"'{entry.Key}' (declared: {(settings.Count == 0 ? "none" : string.Join(", ", settings.Keys))}).");
                continue;
            }
            if (ProcedureSetting.Parse(setting.Type, entry.Value!) is not { } value)
            {
                errors.Add($"{key} = '{entry.Value}': không phải {ProcedureSetting.Describe(setting.Type)} / is not {ProcedureSetting.Describe(setting.Type)} " +
                           $"(the type of '{entry.Key}' in {definition.Id}).");
                continue;
            }
            settings[entry.Key] = setting with { Value = value, OverriddenBy = key };
        }
        return definition.WithSettings(settings);
    }
}
