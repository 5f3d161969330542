using System.Text.Json.Nodes;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Loading;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Runtime;
using PublicServices.Workflows.Tests.Runtime;

namespace PublicServices.Workflows.Tests.Definitions;

/// <summary><c>settings:</c>, form windows naming a setting, <c>edits:</c> and <c>uniqueBy:</c>: what loads, what is refused with its line, and how the runner uses them.</summary>
public sealed class SettingsWindowDefinitionTests
{
    private readonly DefinitionLoader loader = new(ActivityRegistry.BuiltIn());

    private static string Procedure(string settings = "", string apply = "", string extra = "", string feeRule = "{ var: settings.fee }") => $$"""
        id: window-test
        version: 1
        title: { vi: Thử cửa sổ, en: Window test }
        agency: sgd-01
        settings:
          examYear: 2027
          opensAt: "2027-04-21T07:00:00+07:00"
          closesAt: "2027-04-28T17:00:00+07:00"
          fee: 30000
          strict: true
          label: kỳ thi
        {{settings}}
        {{extra}}
        forms:
          registration:
            pages:
              - id: one
                title: { vi: Một, en: One }
                fields:
                  - { id: cccd, type: text, label: { vi: CCCD, en: ID }, required: true }
                  - { id: note, type: text, label: { vi: Ghi chú, en: Note }, visibleWhen: { "==": [ { var: settings.strict }, true ] } }
        flow:
          start: apply
          steps:
            apply:
              type: form
              form: registration
              opens: { setting: opensAt }
              closes: { setting: closesAt }
        {{apply}}
              then: { submitted: pay, expired: closed }
            pay:
              type: payment
              amount: {{feeRule}}
              description: { vi: Lệ phí, en: Fee }
              expiry: 24 hours
              then: { paid: check, expired: closed, cancelled: closed }
            check:
              type: task
              role: school-officer
              outcomes: { verify: locked, refuse: { to: closed, requiresReason: true } }
            locked: { type: wait, signal: locked, key: { var: settings.examYear }, then: closed }
            closed: { type: end, result: done }
        """;

    private (LoadedDefinition? Definition, List<DefinitionError> Errors) Load(string text)
    {
        var errors = new List<DefinitionError>();
        return (loader.LoadText("window-test.yaml", text, CodeListCatalog.Empty, errors), errors);
    }

    [Fact]
    public void Should_read_settings_with_their_types_and_resolve_a_window_naming_them()
    {
        var (loaded, errors) = Load(Procedure(apply: "      edits: { while: [check, locked], restart: pay }", extra: """
            uniqueBy: { rule: { cat: [ { var: settings.examYear }, "-", { var: registration.cccd } ] }, message: { vi: "Đã đăng ký năm {settings.examYear} ({code})", en: "Registered for {settings.examYear} ({code})" } }
            """));

        Assert.Empty(errors);
        var definition = loaded!.Definition;
        Assert.Equal(SettingType.Number, definition.Settings["examYear"].Type);
        Assert.Equal(SettingType.DateTime, definition.Settings["opensAt"].Type);
        Assert.Equal(SettingType.Boolean, definition.Settings["strict"].Type);
        Assert.Equal(SettingType.String, definition.Settings["label"].Type);
        var apply = (FormStepSettings)definition.Flow.Steps["apply"].Settings;
        Assert.Equal(new DateTimeOffset(2027, 4, 21, 0, 0, 0, TimeSpan.Zero), apply.Opens);
        Assert.Equal(new DateTimeOffset(2027, 4, 28, 10, 0, 0, TimeSpan.Zero), apply.Closes);
        Assert.Equal("closesAt", apply.ClosesSetting);
        Assert.Equal(["check", "locked"], apply.Edits!.While);
        Assert.Equal("pay", apply.Edits.Restart);
        Assert.NotNull(definition.UniqueBy);
        Assert.Equal("2027-001", definition.UniqueBy!.Rule.Evaluate(new JsonObject
        {
            ["settings"] = definition.SettingValues(), ["registration"] = new JsonObject { ["cccd"] = "001" },
        })!.ToString());
    }

    [Fact]
    public void Should_move_the_window_with_an_override_and_keep_the_content_hash()
    {
        var definition = Load(Procedure()).Definition!.Definition;
        var settings = definition.Settings.ToDictionary(s => s.Key, s => s.Value);
        settings["closesAt"] = settings["closesAt"] with { Value = JsonValue.Create("2027-05-05T17:00:00+07:00") };

        var overridden = definition.WithSettings(settings);

        Assert.Equal(new DateTimeOffset(2027, 5, 5, 10, 0, 0, TimeSpan.Zero), ((FormStepSettings)overridden.Flow.Steps["apply"].Settings).Closes);
        Assert.Equal(new DateTimeOffset(2027, 4, 28, 10, 0, 0, TimeSpan.Zero), ((FormStepSettings)definition.Flow.Steps["apply"].Settings).Closes);
        Assert.Equal(definition.ContentHash, overridden.ContentHash);
    }

    [Theory]
    [InlineData("", "", "{ var: settings.feee }", "Unknown setting 'feee'")]
    [InlineData("  bad name: 1", "", "{ var: settings.fee }", "The setting name 'bad name'")]
    [InlineData("  listed: [1, 2]", "", "{ var: settings.fee }", "Setting 'listed' must be one value")]
    [InlineData("  typed: { type: datetime, value: tomorrow }", "", "{ var: settings.fee }", "The value of 'typed' is not")]
    [InlineData("  typed: { type: money, value: 1 }", "", "{ var: settings.fee }", "Unknown setting type 'money'")]
    [InlineData("", "      edits: { while: [nowhere], restart: pay }", "{ var: settings.fee }", "missing step 'nowhere'")]
    [InlineData("", "      edits: { while: [check], restart: apply }", "{ var: settings.fee }", "`edits.restart:` must be a step after the form")]
    public void Should_report_mistakes_at_their_line(string settings, string apply, string feeRule, string expected)
    {
        var (loaded, errors) = Load(Procedure(settings, apply, feeRule: feeRule));

        Assert.Null(loaded);
        var error = Assert.Single(errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Equal("window-test.yaml", error.Location.File);
        Assert.True(error.Location.Line > 1, error.ToString());
    }

    [Fact]
    public void Should_refuse_a_window_naming_an_unknown_or_non_date_setting_and_a_literal_without_offset()
    {
        var unknown = Load(Procedure().Replace("opens: { setting: opensAt }", "opens: { setting: opensSoon }")).Errors;
        var notDate = Load(Procedure().Replace("opens: { setting: opensAt }", "opens: { setting: examYear }")).Errors;
        var noOffset = Load(Procedure().Replace("opens: { setting: opensAt }", "opens: \"2027-04-21T07:00:00\"")).Errors;

        Assert.Contains(unknown, e => e.Message.Contains("Unknown setting 'opensSoon'") && e.Location.Line == 28);
        Assert.Contains(notDate, e => e.Message.Contains("Setting 'examYear' is not a date-time"));
        Assert.Contains(noOffset, e => e.Message.Contains("with its offset"));
    }

    [Fact]
    public void Should_refuse_edits_on_a_later_form_and_a_form_called_settings()
    {
        var later = Load(Procedure().Replace("      then: { paid: check", "      then: { paid: again").Replace("    closed: { type: end", """
                again: { type: form, form: registration, edits: { while: [check], restart: check }, then: { submitted: check } }
                closed: { type: end
            """)).Errors;
        var named = Load(Procedure().Replace("  registration:\n", "  settings:\n").Replace("form: registration", "form: settings").Replace("registration.cccd", "settings.cccd")).Errors;

        Assert.Contains(later, e => e.Message.Contains("`edits:` belongs on the start form"));
        Assert.Contains(named, e => e.Message.Contains("A form cannot be called 'settings'"));
    }
}
