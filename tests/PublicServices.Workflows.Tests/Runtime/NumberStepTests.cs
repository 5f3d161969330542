using System.Text.Json.Nodes;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Loading;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Runtime;
using static PublicServices.Workflows.Tests.Runtime.TestEngine;

namespace PublicServices.Workflows.Tests.Runtime;

/// <summary>The <c>number</c> step (candidate numbers) and the signal wait's <c>data:</c>: syntax, loader errors, runtime.</summary>
public sealed class NumberStepTests
{
    /// <summary>Counters in memory, as a host's transaction would keep them; <see cref="Rollback"/> forgets what was taken since the last <see cref="Commit"/>.</summary>
    public sealed class MemorySequences : ISequenceSource
    {
        private Dictionary<string, long> committed = [];
        private Dictionary<string, long> current = [];

        public long Next(string key) => current[key] = current.GetValueOrDefault(key) + 1;

        public void GiveBack(string key, long value)
        {
            Assert.Equal(current[key], value);
            current[key] = value - 1;
        }

        public void Commit() => committed = new(current);

        public void Rollback() => current = new(committed);
    }

    private const string Yaml = """
        id: numbers
        version: 1
        title: { vi: Thử đánh số, en: Numbering test }
        agency: bgddt
        forms:
          registration:
            pages:
              - id: one
                title: { vi: Một, en: One }
                fields:
                  - { id: council, type: text, label: { vi: Hội đồng, en: Council } }
        flow:
          start: apply
          steps:
            apply: { type: form, form: registration, then: { submitted: numbering } }
            numbering:
              type: number
              sequence: { cat: [ "sbd-2027-", { var: registration.council } ] }
              format: { cat: [ { var: registration.council }, { substr: [ { cat: [ "000000", { var: numbering.seq } ] }, -6 ] } ] }
              then: results-wait
            results-wait:
              type: wait
              signal: results-published
              key: 2027
              data: { dataset: { cat: [ "exam-", 2027 ] }, key: { var: numbering.value } }
              then: done
            done: { type: end, result: published }
        """;

    private static WorkflowDefinition Load(string text, out List<DefinitionError> errors)
    {
        errors = [];
        return new DefinitionLoader(ActivityRegistry.BuiltIn()).LoadText("numbers.yaml", text, CodeListCatalog.Empty, errors)?.Definition!;
    }

    private static RunResult Register(WorkflowRunner runner, WorkflowDefinition definition, string council, ISequenceSource sequences)
    {
        var started = runner.Start(definition, Guid.NewGuid(), null, "applicant", Monday, sequences);
        return runner.Resume(definition, started.State, Answer(started, "submitted", payload: new JsonObject { ["council"] = council }), Monday, sequences);
    }

    [Fact]
    public void Should_number_densely_per_key_and_keep_seq_and_value()
    {
        var definition = Load(Yaml, out var errors);
        Assert.Empty(errors);
        var runner = Runner();
        var sequences = new MemorySequences();

        var numbers = new[] { "01", "02", "01", "01", "02" }.Select(c => Register(runner, definition, c, sequences).State.Variables["numbering"]!).ToList();

        Assert.Equal(["01000001", "02000001", "01000002", "01000003", "02000002"], numbers.Select(n => (string)n["value"]!));
        Assert.Equal([1L, 1, 2, 3, 2], numbers.Select(n => (long)n["seq"]!));
    }

    [Fact]
    public void Should_give_numbers_back_when_the_run_is_not_saved()
    {
        var definition = Load(Yaml, out _);
        var runner = Runner();
        var sequences = new MemorySequences();
        Register(runner, definition, "01", sequences);
        sequences.Commit();

        Register(runner, definition, "01", sequences);   // its transaction fails
        sequences.Rollback();
        var next = Register(runner, definition, "01", sequences);

        Assert.Equal("01000002", (string)next.State.Variables["numbering"]!["value"]!);
    }

    [Fact]
    public void Should_keep_the_wait_data_key_on_the_bookmark_and_receive_the_record_under_step_data()
    {
        var definition = Load(Yaml, out _);
        var runner = Runner();
        var waiting = Register(runner, definition, "01", new MemorySequences());
        var bookmark = waiting.State.Bookmarks.Single();

        Assert.Equal("results-published:2027", bookmark.Key);
        Assert.Equal("exam-2027", (string)bookmark.Data![WaitActivity.DatasetProperty]!);
        Assert.Equal("01000001", (string)bookmark.Data![WaitActivity.DataKeyProperty]!);

        var record = JsonNode.Parse("""{"scores":{"TOAN":7.5},"record":7.1}""")!.AsObject();
        var done = runner.Resume(definition, waiting.State, Answer(waiting, "done", payload: new JsonObject { ["data"] = record }), Monday);
        Assert.Equal(7.5m, (decimal)done.State.Variables["results-wait"]!["data"]!["scores"]!["TOAN"]!);
        var absent = runner.Resume(definition, waiting.State, Answer(waiting, "done", payload: new JsonObject { ["data"] = null }), Monday);
        Assert.True(absent.State.Variables["results-wait"]!.AsObject().ContainsKey("data"));
        Assert.Null(absent.State.Variables["results-wait"]!["data"]);
    }

    [Theory]
    [InlineData("""{ "cat": [ "x", { "var": "numbering.seq" }, "-very-long-suffix-that-exceeds-32-chars" ] }""")]
    [InlineData("""{ "if": [ false, 1, "" ] }""")]
    public void Should_fault_with_a_clear_error_and_give_the_number_back_when_the_format_is_not_a_short_text(string format)
    {
        var definition = Definition("bad-format", 1, "n",
            Step("n", "number", new NumberStepSettings(Workflows.JsonLogic.JsonLogicRule.Parse(JsonNode.Parse("\"k\"")),
                Workflows.JsonLogic.JsonLogicRule.Parse(JsonNode.Parse(format))), ("done", "end")),
            Step("end", "end", new EndStepSettings("done")));
        var sequences = new MemorySequences();

        var run = Runner().Start(definition, Guid.NewGuid(), null, "system", Monday, sequences);

        Assert.Equal(InstanceStatus.Faulted, run.State.Status);
        Assert.Contains("1–32", run.State.Fault!.Error);
        Assert.Equal(1, sequences.Next("k"));   // given back
        Assert.Null(run.State.Variables["n"]);
    }

    [Fact]
    public void Should_fault_when_the_host_gives_no_sequence_source()
    {
        var run = Runner().Start(Load(Yaml, out _), Guid.NewGuid(), null, "a", Monday);
        var numbered = Runner().Resume(Load(Yaml, out _), run.State, Answer(run, "submitted", payload: new JsonObject { ["council"] = "01" }), Monday);

        Assert.Equal(InstanceStatus.Faulted, numbered.State.Status);
        Assert.Contains("sequence source", numbered.State.Fault!.Error);
    }

    [Fact]
    public void Should_report_bad_settings_at_their_lines()
    {
        Load(Yaml.Replace("sequence: { cat:", "sequence: { kat:"), out var errors);

        Assert.Contains(errors, e => e.Location.Line == 18 && e.Message.Contains("kat"));

        Load(Yaml.Replace("      format:", "      colour: red\n      format:"), out var unknown);
        Assert.Contains(unknown, e => e.Message.Contains("colour") || e.Message.Contains("unknown key"));

        Load(Yaml.Replace("      signal: results-published\n      key: 2027\n", "      for: 2 days\n"), out var timed);
        Assert.Contains(timed, e => e.Message.Contains("`data:` is received with a signal"));

        Load(Yaml.Replace("data: { dataset: { cat: [ \"exam-\", 2027 ] }, key:", "data: { dataset: { cat: [ \"exam-\", 2027 ] }, kee:"), out var missing);
        Assert.Contains(missing, e => e.Message.Contains("kee"));

        Load(Yaml.Replace("      format: { cat", "      format_missing: { cat"), out var noFormat);
        Assert.Contains(noFormat, e => e.Message.Contains("numbering"));
    }
}
