using System.Text.Json.Nodes;
using PublicServices.Web.Features.Applications;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Web.Tests.Applications;

public sealed class SamePageRulesTests
{
    private static readonly FormPage Page = new("p", new LocalizedText("Trang", "Page"),
        [new FieldDefinition("delivery", FieldType.Select, new LocalizedText("Nhận", "Delivery"), SourceLocation.None)], SourceLocation.None);

    private static bool Reads(string rule) => SamePageRules.ReadsPage(JsonLogicRule.Parse(JsonNode.Parse(rule)), "application", Page);

    [Theory]
    [InlineData("""{ "==": [ { "var": "application.delivery" }, "post" ] }""", true)]
    [InlineData("""{ "and": [ true, { "var": ["application.delivery", "pickup"] } ] }""", true)]
    [InlineData("""{ "missing": ["application.delivery"] }""", true)]
    [InlineData("""{ "missing_some": [1, ["other.x", "application.delivery"]] }""", true)]
    [InlineData("""{ "==": [ { "var": "application.fullName" }, "x" ] }""", false)]
    [InlineData("""{ "==": [ { "var": "other.delivery" }, "post" ] }""", false)]
    [InlineData("""{ "==": [ { "var": "application.deliveryNote" }, "post" ] }""", false)]
    public void Should_tell_a_rule_reading_this_page_from_one_reading_other_pages(string rule, bool expected) =>
        Assert.Equal(expected, Reads(rule));
}
