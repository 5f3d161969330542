using System.Text.Json.Nodes;
using PublicServices.Workflows.Activities;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Loading;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Runtime;
using PublicServices.Workflows.Tests.Runtime;

namespace PublicServices.Workflows.Tests.Definitions;

/// <summary><c>remind:</c> on the applicant's waits: how it is written, what the loader refuses (with lines), and when the wait is due for it.</summary>
public sealed class ReminderDefinitionTests
{
    private readonly DefinitionLoader loader = new(ActivityRegistry.BuiltIn());

    /// <summary>A small valid procedure; <paramref name="pay"/> and <paramref name="amend"/> are the settings lines of those steps.</summary>
    private static string Procedure(string pay, string amend, string review = "") => $$"""
        id: reminders
        version: 1
        title: { vi: Thử nhắc hạn, en: Reminder test }
        agency: sgd-01
        forms:
          application:
            pages:
              - id: one
                title: { vi: Một, en: One }
                fields:
                  - { id: name, type: text, label: { vi: Tên, en: Name } }
        flow:
          start: apply
          steps:
            apply: { type: form, form: application, then: { submitted: pay } }
            pay:
              type: payment
              amount: 20000
              description: { vi: Lệ phí, en: Fee }
        {{pay}}
              then: { paid: review, expired: closed, cancelled: closed }
            review:
              type: task
              role: department-officer
              outcomes: { accept: closed, supplement: { to: amend, label: { vi: Bổ sung, en: Supplement } } }
        {{review}}
            amend:
              type: form
              form: application
              mode: amend
              requestedBy: review
        {{amend}}
              then: { submitted: review, expired: closed }
            closed: { type: end, result: closed }
        """;

    private (LoadedDefinition? Definition, List<DefinitionError> Errors) Load(string text)
    {
        var errors = new List<DefinitionError>();
        return (loader.LoadText("reminders.yaml", text, CodeListCatalog.Empty, errors), errors);
    }

    [Fact]
    public void Should_read_a_reminder_on_a_payment_and_an_amendment()
    {
        var (loaded, errors) = Load(Procedure(
            "      expiry: 24 hours\n      remind: { template: deadline-approaching, before: 6 hours }",
            "      due: 30 days\n      remind: { template: deadline-approaching, before: 2 days }"));

        Assert.Empty(errors);
        var steps = loaded!.Definition.Flow.Steps;
        Assert.Equal(new ReminderSettings("deadline-approaching", new DurationSpec(6, DurationUnit.Hours)), ((PaymentStepSettings)steps["pay"].Settings).Remind);
        Assert.Equal(new ReminderSettings("deadline-approaching", new DurationSpec(2, DurationUnit.Days)), ((FormStepSettings)steps["amend"].Settings).Remind);
    }

    [Theory]
    // Each case: the pay step's lines, the amend step's lines, the review step's extra lines, then the expected error's line, column and phrase.
    [InlineData("      expiry: 24 hours\n      remind: { before: 2 hours }", "      due: 30 days", "", 21, 15, "Missing 'template'")]
    [InlineData("      expiry: 24 hours\n      remind: { template: Deadline Soon, before: 2 hours }", "      due: 30 days", "", 21, 27, "must be a file name")]
    [InlineData("      expiry: 24 hours\n      remind: { template: deadline-approaching }", "      due: 30 days", "", 21, 15, "Missing `before:`")]
    [InlineData("      expiry: 24 hours\n      remind: { template: deadline-approaching, before: soon }", "      due: 30 days", "", 21, 57, "is not a duration")]
    [InlineData("      expiry: 24 hours\n      remind: { template: deadline-approaching, before: 1 working day }", "      due: 30 days", "", 21, 57, "not working days")]
    [InlineData("      expiry: 24 hours\n      remind: { template: deadline-approaching, before: 0 hours }", "      due: 30 days", "", 21, 57, "more than zero")]
    [InlineData("      expiry: 24 hours\n      remind: { template: deadline-approaching, before: 1 days }", "      due: 30 days", "", 21, 57, "shorter than the step's `expiry:`")]
    [InlineData("      expiry: 24 hours\n      remind: { template: deadline-approaching, before: 2 hours, to: leader }", "      due: 30 days", "", 21, 66, "Unknown key 'to'")]
    [InlineData("      expiry: 24 hours", "      remind: { template: deadline-approaching, before: 2 days }", "", 32, 15, "needs a due time")]
    [InlineData("      expiry: 24 hours", "      due: 3 working days\n      remind: { template: deadline-approaching, before: 3 days }", "", 33, 57, "shorter than the step's `due:`")]
    [InlineData("      expiry: 24 hours", "      due: 30 days", "      remind: { template: deadline-approaching, before: 1 days }", 26, 15, "belongs on a `form` or `payment` step")]
    public void Should_refuse_a_wrong_reminder_at_its_line(string pay, string amend, string review, int line, int column, string phrase)
    {
        var (loaded, errors) = Load(Procedure(pay, amend, review));

        Assert.Null(loaded);
        // One error, where the reminder is written (a task step refused for it also fails the amendment's `requestedBy:`).
        var error = Assert.Single(errors, e => !e.Message.Contains("is not a task step", StringComparison.Ordinal));
        Assert.True(error.Location.Line == line && error.Location.Column == column && error.Message.Contains(phrase, StringComparison.Ordinal),
            $"{error.Location.Line}:{error.Location.Column}: {error.Message}");
    }

    [Fact]
    public void Should_refuse_a_reminder_on_the_first_form_which_is_a_draft()
    {
        var text = Procedure("      expiry: 24 hours", "      due: 30 days")
            .Replace("apply: { type: form, form: application, then: { submitted: pay } }",
                     "apply: { type: form, form: application, closes: '2027-01-01T00:00:00+07:00', remind: { template: x, before: 1 days }, then: { submitted: pay, expired: closed } }");

        var (loaded, errors) = Load(text);

        Assert.Null(loaded);
        Assert.Contains("filled as a draft", Assert.Single(errors).Message);
    }

    [Fact]
    public void Should_open_the_wait_with_its_reminder_time_counted_back_from_the_due_time()
    {
        var (loaded, errors) = Load(Procedure(
            "      expiry: 24 hours\n      remind: { template: deadline-approaching, before: 6 hours }",
            "      due: 30 days\n      remind: { template: deadline-approaching, before: 2 days }"));
        Assert.Empty(errors);
        var definition = loaded!.Definition;
        var runner = TestEngine.Runner();
        var start = TestEngine.Monday;

        var applied = runner.Start(definition, Guid.NewGuid(), null, "applicant", start);
        var paying = runner.Resume(definition, applied.State, TestEngine.Answer(applied, "submitted", payload: new JsonObject { ["name"] = "An" }), start);
        var payment = Assert.Single(paying.Opened);
        var reviewing = runner.Resume(definition, paying.State, TestEngine.Answer(paying, "paid"), start.AddHours(1));
        var amending = runner.Resume(definition, reviewing.State, TestEngine.Answer(reviewing, "supplement"), start.AddDays(1));
        var amend = Assert.Single(amending.Opened);

        Assert.Equal(start.AddHours(24), payment.DueAt);
        Assert.Equal(start.AddHours(18), payment.RemindAt);
        Assert.Equal(start.AddDays(31), amend.DueAt);
        Assert.Equal(start.AddDays(29), amend.RemindAt);
        Assert.Null(Assert.Single(reviewing.Opened).RemindAt); // a task has no reminder
        // The reminder time survives the stored state.
        Assert.Equal(start.AddDays(29), Assert.Single(WorkflowStateJson.Deserialize(WorkflowStateJson.Serialize(amending.State)).Bookmarks).RemindAt);
    }
}
