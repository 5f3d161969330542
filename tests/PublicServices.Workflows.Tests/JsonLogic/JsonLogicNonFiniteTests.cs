using System.Text.Json.Nodes;
using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Workflows.Tests.JsonLogic;

/// <summary>Arithmetic that JSON cannot hold — a missing paper's score added up, a division by zero — gives null, as
/// JavaScript's JSON.stringify writes NaN and Infinity, never a number the state's serializer refuses.</summary>
public sealed class JsonLogicNonFiniteTests
{
    [Theory]
    [InlineData("""{"+": [{"var": "scores.HOA"}, 1]}""")]
    [InlineData("""{"/": [1, 0]}""")]
    [InlineData("""{"*": [{"/": [-1, 0]}, 2]}""")]
    [InlineData("""{"/": [{"-": [{"+": [{"var": "scores.HOA"}, 0.5]}, {"%": [{"var": "scores.HOA"}, 1]}]}, 100]}""")]
    public void Should_give_null_for_a_number_json_cannot_hold(string rule)
    {
        var data = JsonNode.Parse("""{"scores": {"TOAN": 7.25}}""");

        var value = JsonLogicRule.Parse(JsonNode.Parse(rule)).Evaluate(data);

        Assert.Null(value);
        Assert.Equal("""{"x":null}""", new JsonObject { ["x"] = value }.ToJsonString());
    }

    [Fact]
    public void Should_keep_finite_results_as_numbers()
    {
        Assert.Equal(8.25, JsonLogicRule.Parse(JsonNode.Parse("""{"+": [{"var": "a"}, 1]}""")).Evaluate(JsonNode.Parse("""{"a": 7.25}"""))!.GetValue<double>());
    }
}
