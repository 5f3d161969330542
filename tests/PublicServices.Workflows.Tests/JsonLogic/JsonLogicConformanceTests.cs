using System.Text.Json.Nodes;
using PublicServices.Tests;
using PublicServices.Workflows.JsonLogic;
using Xunit.Abstractions;

namespace PublicServices.Workflows.Tests.JsonLogic;

/// <summary>The shared JsonLogic suite (jsonlogic.com tests.json), loaded as it is; every case must pass.</summary>
public sealed class JsonLogicConformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_pass_every_case_of_the_shared_conformance_suite()
    {
        var suite = JsonNode.Parse(File.ReadAllText(RepoPaths.Conformance("jsonlogic-tests.json")))!.AsArray();
        var section = "";
        var ran = 0;
        var failures = new List<string>();
        foreach (var item in suite)
        {
            if (item is JsonValue comment)
            {
                section = comment.GetValue<string>();
                continue;
            }
            var (rule, data, expected) = (item![0], item[1], item[2]);
            ran++;
            try
            {
                var actual = JsonLogicRule.Parse(rule).Evaluate(data);
                if (!SameJson(expected, actual))
                    failures.Add($"#{ran} [{section}] {rule?.ToJsonString()} with {data?.ToJsonString()}: expected {expected?.ToJsonString()}, got {actual?.ToJsonString()}");
            }
            catch (Exception error)
            {
                failures.Add($"#{ran} [{section}] {rule?.ToJsonString()}: threw {error.Message}");
            }
        }

        output.WriteLine($"JsonLogic conformance: {ran - failures.Count}/{ran} passed");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(277, ran);
    }

    /// <summary>JSON equality where numbers compare by value (1 == 1.0).</summary>
    private static bool SameJson(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => SameJson(p.First, p.Second)),
        (JsonObject x, JsonObject y) => JsonNode.DeepEquals(x, y),
        (JsonValue x, JsonValue y) when JsonNumbers.TryGetDouble(x, out var m) && JsonNumbers.TryGetDouble(y, out var n) => m == n,
        (JsonValue x, JsonValue y) => JsonNode.DeepEquals(x, y),
        _ => false,
    };
}
