using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Runtime;
using PublicServices.Workflows.Tests.Runtime;

namespace PublicServices.Benchmarks;

/// <summary>The pure runtime, no database: start to the first wait, and one resume to the next wait.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private readonly WorkflowRunner runner = TestEngine.Runner();
    private readonly WorkflowDefinition definition = TestEngine.Application();
    private readonly JsonObject input = new() { ["name"] = "Nguyễn Văn An" };
    private RunResult started = null!;

    [GlobalSetup]
    public void Setup() => started = runner.Start(definition, Guid.NewGuid(), input, "applicant", TestEngine.Monday);

    [Benchmark]
    public RunResult StartToFirstWait() => runner.Start(definition, Guid.NewGuid(), input, "applicant", TestEngine.Monday);

    [Benchmark]
    public RunResult ResumeToNextWait() => runner.Resume(definition, started.State, TestEngine.Answer(started, "submitted"), TestEngine.Monday);
}
