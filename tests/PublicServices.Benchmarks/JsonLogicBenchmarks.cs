using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Benchmarks;

/// <summary>A typical form rule, parsed once, evaluated against a parsed dossier.</summary>
[MemoryDiagnoser]
public class JsonLogicBenchmarks
{
    private readonly JsonLogicRule rule = JsonLogicRule.Parse(JsonNode.Parse(
        """{"and":[{"==":[{"var":"application.category"},"a"]},{">=":[{"var":"application.score"},4.0]},{"in":[{"var":"application.subject"},["phy","che","bio"]]}]}"""));

    private readonly JsonNode data = JsonNode.Parse("""{"application":{"category":"a","score":6.5,"subject":"che","name":"Nguyễn Văn An"}}""")!;

    [Benchmark]
    public bool TypicalFormRule() => rule.IsTruthy(data);
}
