using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Steps;
using PublicServices.Workflows.Runtime;
using static PublicServices.Workflows.Tests.Runtime.TestEngine;

namespace PublicServices.Workflows.Tests.Runtime;

public sealed class WorkflowRunnerTests
{
    private readonly WorkflowRunner runner = Runner();
    private readonly WorkflowDefinition definition = Application();

    [Fact]
    public void Should_start_wait_resume_and_end_with_a_journal()
    {
        var started = runner.Start(definition, Guid.NewGuid(), null, "applicant", Monday);
        var submitted = runner.Resume(definition, started.State, Answer(started, "submitted", payload: new JsonObject { ["name"] = "An" }), Monday.AddHours(1));
        var accepted = runner.Resume(definition, submitted.State, Answer(submitted, "accept", actor: "officer"), Monday.AddDays(1));

        Assert.Equal(InstanceStatus.Waiting, started.State.Status);
        Assert.Equal("form", Assert.Single(started.Opened).Kind);
        Assert.Equal("task", Assert.Single(submitted.Opened).Kind);
        Assert.Equal("An", submitted.State.Variables["application"]!["name"]!.GetValue<string>());
        Assert.Equal(InstanceStatus.Completed, accepted.State.Status);
        Assert.Equal("approved", accepted.State.Result);
        Assert.Empty(accepted.State.Bookmarks);
        Assert.Equal("officer", accepted.State.Variables["intake"]!["actor"]!.GetValue<string>());
        Assert.Equal(["completed", "ended"], accepted.Journal.Select(j => j.Event));
    }

    [Fact]
    public void Should_start_and_answer_the_first_wait_in_one_result_as_two_calls_would()
    {
        var id = Guid.NewGuid();
        var payload = new JsonObject { ["name"] = "Ân" };
        var started = runner.Start(definition, id, null, "applicant", Monday);
        var twoCalls = runner.Resume(definition, started.State, Answer(started, "submitted", payload: payload.DeepClone().AsObject()), Monday);

        var oneCall = runner.StartAndResume(definition, id, null, "applicant", Monday, first => Answer(first, "submitted", payload: payload), null);

        // The same state but for the new wait's id (each run makes its own).
        var (expected, actual) = (twoCalls.State.Clone(), oneCall.State.Clone());
        Assert.Equal(expected.Bookmarks.Select(b => (b.StepId, b.Kind)), actual.Bookmarks.Select(b => (b.StepId, b.Kind)));
        expected.Bookmarks = actual.Bookmarks = [];
        Assert.Equal(WorkflowStateJson.Serialize(expected), WorkflowStateJson.Serialize(actual));
        Assert.Equal("task", Assert.Single(oneCall.Opened).Kind); // the form opened and answered within the run: in neither list
        Assert.Empty(oneCall.Closed);
        Assert.Equal(started.Journal.Concat(twoCalls.Journal).Select(j => j.Event), oneCall.Journal.Select(j => j.Event));
        Assert.Equal(started.Outbox.Count + twoCalls.Outbox.Count, oneCall.Outbox.Count);

        var refused = runner.StartAndResume(definition, Guid.NewGuid(), null, "applicant", Monday, first => Answer(first, "approve-everything"), null);
        Assert.Equal(RefusalReason.InvalidOutcome, refused.Refusal!.Reason);
    }

    [Fact]
    public void Should_refuse_a_duplicate_or_stale_stimulus_and_change_nothing()
    {
        var started = runner.Start(definition, Guid.NewGuid(), null, "applicant", Monday);
        var stimulus = Answer(started, "submitted");
        var first = runner.Resume(definition, started.State, stimulus, Monday);
        var before = System.Text.Json.JsonSerializer.Serialize(first.State);

        var duplicate = runner.Resume(definition, first.State, stimulus, Monday);

        Assert.Equal(RefusalReason.UnknownBookmark, duplicate.Refusal!.Reason);
        Assert.Empty(duplicate.Journal);
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(duplicate.State));
    }

    [Fact]
    public void Should_refuse_an_outcome_the_step_does_not_have_and_a_missing_reason()
    {
        var started = runner.Start(definition, Guid.NewGuid(), null, "applicant", Monday);
        var task = runner.Resume(definition, started.State, Answer(started, "submitted"), Monday);

        var unknown = runner.Resume(definition, task.State, Answer(task, "approve-everything"), Monday);
        var noReason = runner.Resume(definition, task.State, Answer(task, "refuse", reason: "  "), Monday);
        var wrongKind = runner.Resume(definition, task.State, Answer(task, "accept") with { Kind = "payment" }, Monday);
        var refused = runner.Resume(definition, task.State, Answer(task, "refuse", reason: "Thiếu bản dịch công chứng"), Monday);

        Assert.Equal(RefusalReason.InvalidOutcome, unknown.Refusal!.Reason);
        Assert.Equal(RefusalReason.ReasonRequired, noReason.Refusal!.Reason);
        Assert.Equal(RefusalReason.KindMismatch, wrongKind.Refusal!.Reason);
        Assert.Equal("refused", refused.State.Result);
        Assert.Equal("Thiếu bản dịch công chứng", refused.State.Variables["intake"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public void Should_compute_task_due_dates_in_working_days_vietnam_time()
    {
        var started = runner.Start(definition, Guid.NewGuid(), null, "applicant", new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero)); // Friday 16:00 ICT
        var task = runner.Resume(definition, started.State, Answer(started, "submitted"), new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero));

        // 2 working days after Friday 06/03: Monday 09/03, Tuesday 10/03 → due 23:59:59 ICT on 10/03.
        Assert.Equal("2026-03-10T16:59:59.0000000+00:00", task.State.Bookmarks.Single().Data!["dueAt"]!.GetValue<string>());
        Assert.Equal("recognition-officer@naric", task.State.Bookmarks.Single().Key);
    }

    [Fact]
    public void Should_run_parallel_branches_and_join_when_all_arrive()
    {
        var forked = Definition("parallel", 1, "fork",
            Step("fork", "parallel", new ParallelStepSettings(["school", "payment"])),
            Step("school", "task", TaskStep("school-officer", ("verify", false)), ("verify", "join")),
            Step("payment", "wait", new WaitStepSettings { Signal = "paid" }, ("done", "join")),
            Step("join", "join", new JoinStepSettings(), ("done", "end")),
            Step("end", "end", new EndStepSettings("registered")));

        var started = runner.Start(forked, Guid.NewGuid(), null, "candidate", Monday);
        var school = started.State.Bookmarks.Single(b => b.Kind == "task");
        var afterSchool = runner.Resume(forked, started.State, new Stimulus(school.Id, "task", "verify", "officer"), Monday);
        var signal = afterSchool.State.Bookmarks.Single();
        var done = runner.Resume(forked, afterSchool.State, new Stimulus(signal.Id, "signal", "done", "system"), Monday);

        Assert.Equal(2, started.Opened.Count);
        Assert.Equal(InstanceStatus.Waiting, afterSchool.State.Status);
        Assert.Equal("paid", signal.Key);
        Assert.Equal(InstanceStatus.Completed, done.State.Status);
        Assert.Equal("registered", done.State.Result);
    }

    [Fact]
    public void Should_open_a_timer_bookmark_for_a_timed_wait()
    {
        var timed = Definition("timed", 1, "pause",
            Step("pause", "wait", new WaitStepSettings { For = new DurationSpec(24, DurationUnit.Hours) }, ("done", "end")),
            Step("end", "end", new EndStepSettings("done")));

        var started = runner.Start(timed, Guid.NewGuid(), null, "system", Monday);

        var timer = Assert.Single(started.State.Bookmarks);
        Assert.Equal("timer", timer.Kind);
        Assert.Equal(Monday.AddHours(24), timer.DueAt);
    }

    [Fact]
    public void Should_park_a_failing_step_as_an_incident_and_run_it_again_on_retry()
    {
        var failing = Definition("failing", 1, "send",
            Step("send", "explode", new ExplodingSettings(new StrongBox<int>(1)), ("done", "end")),
            Step("end", "end", new EndStepSettings("sent")));

        var started = runner.Start(failing, Guid.NewGuid(), null, "system", Monday);
        var retried = runner.Retry(failing, started.State, "admin", Monday.AddMinutes(5));

        Assert.Equal(InstanceStatus.Faulted, started.State.Status);
        Assert.Equal("send", started.State.Fault!.StepId);
        Assert.Contains("SMTP", started.State.Fault.Error);
        Assert.Equal(InstanceStatus.Completed, retried.State.Status);
        Assert.Contains(retried.Journal, j => j.Event == "retried" && j.Actor == "admin");
    }

    [Fact]
    public void Should_stop_a_flow_that_loops_without_waiting()
    {
        var looping = Definition("loop", 1, "a",
            Step("a", "notify", new NotifyStepSettings("ping"), ("done", "b")),
            Step("b", "notify", new NotifyStepSettings("pong"), ("done", "a")));

        var result = runner.Start(looping, Guid.NewGuid(), null, "system", Monday);

        Assert.Equal(InstanceStatus.Faulted, result.State.Status);
        Assert.Contains("loops", result.State.Fault!.Error);
        Assert.Equal(WorkflowRunner.MaxStepsPerCall, result.Outbox.Count);
    }

    [Fact]
    public void Should_close_every_wait_when_cancelled()
    {
        var started = runner.Start(definition, Guid.NewGuid(), null, "applicant", Monday);

        var cancelled = runner.Cancel(definition, started.State, "applicant", "Rút hồ sơ", Monday);
        var late = runner.Resume(definition, cancelled.State, Answer(started, "submitted"), Monday);

        Assert.Equal(InstanceStatus.Cancelled, cancelled.State.Status);
        Assert.Single(cancelled.Closed);
        Assert.Equal(RefusalReason.InstanceNotWaiting, late.Refusal!.Reason);
    }

    [Fact]
    public void Should_keep_running_an_instance_on_the_version_it_started_with()
    {
        var v1 = Application(version: 1);
        var v2 = Definition("demo", 2, "apply",
            Step("apply", "form", new FormStepSettings("application"), ("submitted", "done"), ("expired", "done")),
            Step("done", "end", new EndStepSettings("auto-approved")));
        var started = runner.Start(v1, Guid.NewGuid(), null, "applicant", Monday);

        var resumed = runner.Resume(v1, started.State, Answer(started, "submitted"), Monday);
        var fresh = runner.Start(v2, Guid.NewGuid(), null, "applicant", Monday);

        Assert.Equal(1, resumed.State.DefinitionVersion);
        Assert.Equal("task", resumed.State.Bookmarks.Single().Kind);
        Assert.Equal(2, fresh.State.DefinitionVersion);
    }

    [Fact]
    public void Should_queue_notifications_in_the_outbox_and_continue()
    {
        var notifying = Definition("notify", 1, "tell",
            Step("tell", "notify", new NotifyStepSettings("submitted"), ("done", "end")),
            Step("end", "end", new EndStepSettings("done")));

        var result = runner.Start(notifying, Guid.NewGuid(), null, "system", Monday);

        var message = Assert.Single(result.Outbox);
        Assert.Equal("notification", message.Kind);
        Assert.Equal("submitted", message.Payload["template"]!.GetValue<string>());
        Assert.Equal(InstanceStatus.Completed, result.State.Status);
    }
}
