using System.Text.Json.Nodes;
using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Workflows.Tests.JsonLogic;

public sealed class JsonLogicParseTests
{
    [Fact]
    public void Should_name_an_unknown_operator_and_suggest_a_close_one()
    {
        var rule = JsonNode.Parse("""{"and":[{"==":[1,1]},{"substring":["abc",1]}]}""");

        var error = Assert.Throws<JsonLogicException>(() => JsonLogicRule.Parse(rule));

        Assert.Contains("'substring'", error.Message);
        Assert.Contains("did you mean 'substr'", error.Message);
        Assert.Equal("""{"substring":["abc",1]}""", error.Node!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"==":[1]}""", "'==' takes 2 argument(s), got 1")]
    [InlineData("""{"!":[true,false]}""", "'!' takes 1 argument(s), got 2")]
    [InlineData("""{"substr":["abc"]}""", "'substr' takes 2 to 3 argument(s), got 1")]
    [InlineData("""{"missing_some":[1]}""", "'missing_some' takes 2 argument(s), got 1")]
    [InlineData("""{"var":["a",1,2]}""", "'var' takes 0 to 2 argument(s), got 3")]
    public void Should_report_a_wrong_number_of_arguments(string rule, string message)
    {
        var error = Assert.Throws<JsonLogicException>(() => JsonLogicRule.Parse(JsonNode.Parse(rule)));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Should_refuse_rules_nested_too_deep()
    {
        JsonNode rule = true;
        for (var i = 0; i < 100; i++)
            rule = new JsonObject { ["!"] = new JsonArray(rule) };

        Assert.Throws<JsonLogicException>(() => JsonLogicRule.Parse(rule));
    }

    [Theory]
    [InlineData("null", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("\"\"", false)]
    [InlineData("[]", false)]
    [InlineData("\"0\"", true)]
    [InlineData("[0]", true)]
    [InlineData("{}", true)]
    [InlineData("-1", true)]
    public void Should_follow_jsonlogic_truthiness(string value, bool truthy)
    {
        Assert.Equal(truthy, JsonLogicTruthiness.IsTruthy(JsonNode.Parse(value)));
    }

    [Fact]
    public void Should_evaluate_a_typical_form_rule_repeatedly_with_the_same_answer()
    {
        var rule = JsonLogicRule.Parse(JsonNode.Parse(
            """{"and":[{"==":[{"var":"application.category"},"a"]},{">=":[{"var":"application.score"},4.0]},{"in":[{"var":"application.subject"},["phy","che","bio"]]}]}"""));
        var yes = JsonNode.Parse("""{"application":{"category":"a","score":6.5,"subject":"che"}}""");
        var no = JsonNode.Parse("""{"application":{"category":"a","score":6.5,"subject":"his"}}""");

        for (var i = 0; i < 3; i++)
        {
            Assert.True(rule.IsTruthy(yes));
            Assert.False(rule.IsTruthy(no));
        }
    }
}
