using System.Text.Json.Nodes;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Loading;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Runtime;
using static PublicServices.Workflows.Tests.Runtime.TestEngine;

namespace PublicServices.Workflows.Tests.Runtime;

/// <summary>The <c>dataset</c> step: syntax, loader errors at their lines, and the write it asks of the host.</summary>
public sealed class DatasetStepTests
{
    private const string Yaml = """
        id: records
        version: 1
        title: { vi: Thử cập nhật bản ghi, en: Record update test }
        agency: bgddt
        forms:
          request:
            pages:
              - id: one
                title: { vi: Một, en: One }
                fields:
                  - { id: number, type: text, label: { vi: Số báo danh, en: Candidate number } }
                  - { id: score, type: number, label: { vi: Điểm, en: Score } }
        flow:
          start: apply
          steps:
            apply: { type: form, form: request, then: { submitted: publish } }
            publish:
              type: dataset
              dataset: { cat: [ "exam-", 2027 ] }
              key: { var: request.number }
              merge:
                remarking.changes:
                  filter:
                    - - { subject: VAN, before: 6.25, score: { var: request.score } }
                      - { subject: TOAN, before: 7.5, score: 7.5 }
                    - { "!=": [ { var: score }, { var: before } ] }
                remarking.graduated: true
                obsolete: null
              then: done
            done: { type: end, result: approved }
        """;

    private static WorkflowDefinition? Load(string text, out List<DefinitionError> errors)
    {
        errors = [];
        return new DefinitionLoader(ActivityRegistry.BuiltIn()).LoadText("records.yaml", text, CodeListCatalog.Empty, errors)?.Definition;
    }

    [Fact]
    public void Should_ask_the_host_to_merge_the_computed_values_into_the_record_and_go_on()
    {
        var definition = Load(Yaml, out var errors)!;
        Assert.Empty(errors);
        var runner = Runner();
        var started = runner.Start(definition, Guid.NewGuid(), null, "applicant", Monday);
        var result = runner.Resume(definition, started.State,
            Answer(started, "submitted", payload: new JsonObject { ["number"] = "01000001", ["score"] = 6.75 }), Monday);

        Assert.Equal(InstanceStatus.Completed, result.State.Status);
        var write = Assert.Single(result.Outbox, o => o.Kind == DatasetStepSettings.OutboxKind);
        Assert.Equal("exam-2027", write.Payload["dataset"]!.GetValue<string>());
        Assert.Equal("01000001", write.Payload["key"]!.GetValue<string>());
        Assert.Equal("publish", write.Payload["step"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "remarking": { "changes": [ { "subject": "VAN", "before": 6.25, "score": 6.75 } ], "graduated": true }, "obsolete": null }
            """), write.Payload["merge"]));
    }

    [Fact]
    public void Should_fault_when_the_key_gives_nothing()
    {
        var definition = Load(Yaml, out _)!;
        var runner = Runner();
        var started = runner.Start(definition, Guid.NewGuid(), null, "applicant", Monday);
        var result = runner.Resume(definition, started.State, Answer(started, "submitted", payload: new JsonObject { ["score"] = 6.75 }), Monday);

        Assert.Equal(InstanceStatus.Faulted, result.State.Status);
        Assert.Contains("`key` must give a key", result.State.Fault!.Error);
        Assert.DoesNotContain(result.Outbox, o => o.Kind == DatasetStepSettings.OutboxKind);
    }

    [Fact]
    public void Should_report_a_missing_key_an_unknown_setting_and_a_bad_rule_at_their_lines()
    {
        Load(Yaml.Replace("      key: { var: request.number }\n", ""), out var missing);
        Assert.Contains(missing, e => e.Location.Line == 18 && e.Message.Contains("'key'"));

        Load(Yaml.Replace("obsolete: null", "obsolete: null\n      overwrite: true"), out var unknown);
        Assert.Contains(unknown, e => e.Message.Contains("overwrite"));

        Load(Yaml.Replace("remarking.graduated: true", "remarking.graduated: { var: request.passed }"), out var field);
        Assert.Contains(field, e => e.Location.Line == 18 && e.Message.Contains("request.passed"));
    }
}
