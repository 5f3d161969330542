using System.Text.Json;
using System.Text.Json.Nodes;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Loading;
using PublicServices.Workflows.Runtime;
using PublicServices.Workflows.Tests.Definitions;
using static PublicServices.Workflows.Tests.Runtime.TestEngine;

namespace PublicServices.Workflows.Tests.Runtime;

/// <summary>A task outcome's fields at run time: checked like form values, kept typed under <c>&lt;step&gt;.fields</c>.</summary>
public sealed class OutcomeFieldsRuntimeTests
{
    private readonly WorkflowRunner runner = Runner();
    private readonly WorkflowDefinition definition;

    public OutcomeFieldsRuntimeTests()
    {
        var errors = new List<DefinitionError>();
        definition = new DefinitionLoader(ActivityRegistry.BuiltIn()).LoadText("outcome-fields.yaml", OutcomeFieldsTests.Valid, OutcomeFieldsTests.Provinces, errors)?.Definition
            ?? throw new InvalidOperationException(string.Join("\n", errors.Select(e => $"{e.Location}: {e.Message}")));
    }

    private RunResult AtReview()
    {
        var started = runner.Start(definition, Guid.NewGuid(), null, "applicant", Monday);
        return runner.Resume(definition, started.State, Answer(started, "submitted", payload: new JsonObject { ["fullName"] = "An" }), Monday);
    }

    private static Stimulus Decide(RunResult run, string outcome, JsonObject? fields, string? reason = null) =>
        Answer(run, outcome, actor: "clerk", reason: reason) with { Fields = fields };

    [Fact]
    public void Should_keep_the_values_typed_beside_the_decision_where_later_steps_read_them()
    {
        var review = AtReview();

        var accepted = runner.Resume(definition, review.State, Decide(review, "accept", new JsonObject
        {
            ["diplomaNumber"] = " B0123456 ", ["registerNumber"] = "SG-2025/17", ["issuedOn"] = "15/06/2025", ["copies"] = "3",
            ["ranking"] = "good", ["province"] = "001", ["note"] = "",
        }), Monday.AddHours(2));

        Assert.Null(accepted.Refusal);
        Assert.Equal(InstanceStatus.Completed, accepted.State.Status);
        var decision = accepted.State.Variables["review"]!.AsObject();
        Assert.Equal("accept", decision["outcome"]!.GetValue<string>());
        Assert.Equal("clerk", decision["actor"]!.GetValue<string>());
        Assert.Equal("""{"diplomaNumber":"B0123456","registerNumber":"SG-2025/17","issuedOn":"2025-06-15","copies":3,"ranking":"good","province":"001"}""",
            decision["fields"]!.ToJsonString());
        Assert.Equal(JsonValueKind.Number, decision["fields"]!["copies"]!.GetValueKind());
        // The `set` step after the decision computed from { var: review.fields.… }.
        Assert.Equal("B0123456/SG-2025/17", accepted.State.Variables["summary"]!.GetValue<string>());
        Assert.Equal("60000", accepted.State.Variables["total"]!.ToJsonString());
    }

    [Fact]
    public void Should_accept_typed_json_values_from_the_api()
    {
        var review = AtReview();

        var accepted = runner.Resume(definition, review.State, Decide(review, "accept", new JsonObject
        {
            ["diplomaNumber"] = "B0123456", ["registerNumber"] = "17", ["issuedOn"] = "2025-06-15", ["copies"] = 2,
        }), Monday);

        Assert.Null(accepted.Refusal);
        Assert.Equal(2m, accepted.State.Variables["review"]!["fields"]!["copies"]!.GetValue<decimal>());
    }

    [Fact]
    public void Should_refuse_invalid_or_missing_values_per_field_and_change_nothing()
    {
        var review = AtReview();
        var before = JsonSerializer.Serialize(review.State);

        var refused = runner.Resume(definition, review.State, Decide(review, "accept", new JsonObject
        {
            ["diplomaNumber"] = "B0123456789012", ["issuedOn"] = "31/02/2025", ["copies"] = "eleven", ["ranking"] = "average",
            ["province"] = "999", ["colour"] = "blue",
        }), Monday);
        var none = runner.Resume(definition, review.State, Decide(review, "accept", null), Monday);

        Assert.Equal(RefusalReason.InvalidFields, refused.Refusal!.Reason);
        var problems = refused.Refusal.FieldProblems.ToDictionary(p => p.FieldId, p => p.Message.En);
        Assert.Equal(new Dictionary<string, string>
        {
            ["diplomaNumber"] = "Use at most 12 characters (you have 14).",
            ["registerNumber"] = "Enter register number.",
            ["issuedOn"] = "Enter a real date, for example 15/03/2007.",
            ["copies"] = "Enter a number.",
            ["ranking"] = "Choose one of the options listed.",
            ["province"] = "Choose one of the options listed.",
            ["colour"] = "There is no field 'colour' for this choice.",
        }, problems);
        Assert.Contains("Số hiệu văn bằng: Tối đa 12 ký tự", refused.Refusal.Message);
        Assert.Contains(" / The fields of 'Accept' are not valid: Diploma number: Use at most 12 characters", refused.Refusal.Message);
        Assert.Empty(refused.Journal);
        Assert.Empty(refused.Closed);
        Assert.Equal(before, JsonSerializer.Serialize(refused.State));
        Assert.Equal(before, JsonSerializer.Serialize(review.State));
        Assert.Equal(["diplomaNumber", "registerNumber", "issuedOn"], none.Refusal!.FieldProblems.Select(p => p.FieldId));
        Assert.Equal("task", Assert.Single(none.State.Bookmarks).Kind);

        // The same wait can still be answered correctly afterwards.
        var accepted = runner.Resume(definition, review.State, Decide(review, "accept",
            new JsonObject { ["diplomaNumber"] = "B1", ["registerNumber"] = "2", ["issuedOn"] = "2025-06-15", ["copies"] = "1" }), Monday);
        Assert.Equal(InstanceStatus.Completed, accepted.State.Status);
    }

    [Fact]
    public void Should_refuse_fields_for_an_outcome_that_declares_none_and_store_none_without_them()
    {
        var review = AtReview();

        var stray = runner.Resume(definition, review.State, Decide(review, "refuse", new JsonObject { ["diplomaNumber"] = "B1" }, "Không có tên trong sổ gốc"), Monday);
        var refused = runner.Resume(definition, review.State, Decide(review, "refuse", new JsonObject(), "Không có tên trong sổ gốc"), Monday);

        Assert.Equal("diplomaNumber", Assert.Single(stray.Refusal!.FieldProblems).FieldId);
        Assert.Equal("refused", refused.State.Result);
        Assert.Null(refused.State.Variables["review"]!["fields"]);
    }

    [Fact]
    public void Should_ask_for_the_reason_before_the_fields()
    {
        var review = AtReview();

        var refused = runner.Resume(definition, review.State, Decide(review, "refuse", null), Monday);

        Assert.Equal(RefusalReason.ReasonRequired, refused.Refusal!.Reason);
    }
}
