using System.Text.Json.Nodes;
using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Workflows.Tests.JsonLogic;

/// <summary>A mapping of several keys is data whose values may be rules: how a step builds the rows of a table.</summary>
public sealed class JsonLogicRecordTests
{
    [Fact]
    public void Should_evaluate_the_values_of_a_mapping_and_keep_its_keys()
    {
        var rule = JsonNode.Parse("""
            {"filter": [
              [ {"subject": {"var": "code1"}, "score": {"var": "s.TOAN"}, "note": ""},
                {"subject": {"var": "code2"}, "score": {"var": "s.VAN"}, "note": "Phúc khảo"},
                {"subject": {"var": "code3"}, "score": 1, "note": ""} ],
              {"!!": {"var": "subject"}} ]}
            """);
        var data = JsonNode.Parse("""{"code1": "TOAN", "code2": "VAN", "s": {"TOAN": 7.25, "VAN": 6.5}}""");

        var rows = JsonLogicRule.Parse(rule).Evaluate(data);

        Assert.Equal("""[{"subject":"TOAN","score":7.25,"note":""},{"subject":"VAN","score":6.5,"note":"Phúc khảo"}]""",
            rows!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void Should_keep_a_mapping_of_literals_as_it_is()
    {
        var rule = JsonNode.Parse("""{"name": "Bản sao", "form": "Bản điện tử"}""");

        Assert.Equal(rule!.ToJsonString(), JsonLogicRule.Parse(rule).Evaluate(null)!.ToJsonString());
    }
}
