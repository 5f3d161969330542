using System.Text.Json.Nodes;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Loading;
using PublicServices.Workflows.Runtime;
using static PublicServices.Workflows.Tests.Runtime.TestEngine;

namespace PublicServices.Workflows.Tests.Runtime;

/// <summary>Settings kept by an instance from its start, and <see cref="WorkflowRunner.Restart"/> (the applicant's edit).</summary>
public sealed class SettingsAndRestartRuntimeTests
{
    private const string Yaml = """
        id: restart-test
        version: 1
        title: { vi: Thử, en: Test }
        agency: sgd-01
        settings:
          fee: 30000
          year: 2027
        forms:
          registration:
            pages:
              - id: one
                title: { vi: Một, en: One }
                fields:
                  - { id: category, type: text, label: { vi: Loại, en: Category } }
        flow:
          start: apply
          steps:
            apply: { type: form, form: registration, edits: { while: [check, site, locked], restart: route }, then: { submitted: route } }
            route: { type: decision, condition: { "==": [ { var: registration.category }, a ] }, then: { "true": check, "false": pay } }
            check: { type: task, role: school-officer, outcomes: { verify: locked } }
            pay: { type: payment, amount: { var: settings.fee }, description: { vi: Phí, en: Fee }, expiry: 24 hours, then: { paid: site, expired: done, cancelled: done } }
            site: { type: task, role: council-officer, outcomes: { verify: locked } }
            locked: { type: wait, signal: locked, key: { var: settings.year }, then: done }
            done: { type: end, result: done }
        """;

    private readonly WorkflowRunner runner = Runner();
    private readonly WorkflowDefinition definition;

    public SettingsAndRestartRuntimeTests()
    {
        var errors = new List<DefinitionError>();
        definition = new DefinitionLoader(ActivityRegistry.BuiltIn()).LoadText("restart-test.yaml", Yaml, CodeListCatalog.Empty, errors)?.Definition
                     ?? throw new InvalidOperationException(string.Join("\n", errors));
    }

    private RunResult Submitted(string category, WorkflowDefinition? on = null)
    {
        var started = runner.Start(on ?? definition, Guid.NewGuid(), null, "applicant", Monday);
        return runner.Resume(on ?? definition, started.State, Answer(started, "submitted", payload: new JsonObject { ["category"] = category }), Monday);
    }

    [Fact]
    public void Should_keep_the_settings_an_instance_started_with_and_read_them_in_rules()
    {
        var settings = definition.Settings.ToDictionary(s => s.Key, s => s.Value);
        settings["fee"] = settings["fee"] with { Value = JsonValue.Create(45000) };
        var overridden = definition.WithSettings(settings);

        var before = Submitted("b");
        var after = Submitted("b", overridden);

        Assert.Equal(30000, before.State.Bookmarks.Single().Data!["amount"]!.GetValue<long>());
        Assert.Equal(45000, after.State.Bookmarks.Single().Data!["amount"]!.GetValue<long>());
        Assert.Equal(30000, before.State.Variables["settings"]!["fee"]!.GetValue<long>());
    }

    [Fact]
    public void Should_restart_from_the_named_step_closing_every_wait_and_replacing_the_form()
    {
        var atCheck = Submitted("a");
        Assert.Equal("check", atCheck.State.Bookmarks.Single().StepId);

        var edited = runner.Restart(definition, atCheck.State, ["check", "site", "locked"], "route",
            new JsonObject { ["registration"] = new JsonObject { ["category"] = "b" } }, "applicant", "edited by applicant", Monday.AddHours(2));

        Assert.False(edited.Refused);
        Assert.Equal("check", Assert.Single(edited.Closed).StepId);
        Assert.Equal("pay", Assert.Single(edited.Opened).StepId);
        Assert.Equal("b", edited.State.Variables["registration"]!["category"]!.GetValue<string>());
        Assert.Equal(InstanceStatus.Waiting, edited.State.Status);
        Assert.Contains(edited.Journal, j => j.Event == JournalEvents.Edited && j.Summary == "edited by applicant");
        Assert.Equal("a", atCheck.State.Variables["registration"]!["category"]!.GetValue<string>()); // the old state is untouched
    }

    [Fact]
    public void Should_refuse_a_restart_at_another_step_and_change_nothing()
    {
        var atPay = Submitted("b");

        var refused = runner.Restart(definition, atPay.State, ["check", "site", "locked"], "route",
            new JsonObject { ["registration"] = new JsonObject { ["category"] = "a" } }, "applicant", "edit", Monday);

        Assert.Equal(RefusalReason.NotAtStep, refused.Refusal!.Reason);
        Assert.Empty(refused.Journal);
        Assert.Equal("b", refused.State.Variables["registration"]!["category"]!.GetValue<string>());
    }
}
