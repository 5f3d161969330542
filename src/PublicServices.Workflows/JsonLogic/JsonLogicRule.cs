using System.Text.Json.Nodes;

namespace PublicServices.Workflows.JsonLogic;

/// <summary>
/// A JsonLogic rule (jsonlogic.com), parsed once and evaluated many times. Pure: evaluation reads the data and
/// allocates little (values are structs; only arrays the rule builds are allocated); there is no way to run code.
/// Semantics follow json-logic-js, checked against the shared conformance suite.
/// </summary>
public sealed class JsonLogicRule
{
    private readonly LogicNode root;

    private JsonLogicRule(JsonNode? source, LogicNode root)
    {
        Source = source;
        this.root = root;
    }

    /// <summary>The rule as written.</summary>
    public JsonNode? Source { get; }

    /// <exception cref="JsonLogicException">Unknown operator, wrong number of arguments, or nesting too deep.</exception>
    public static JsonLogicRule Parse(JsonNode? rule) => new(rule?.DeepClone(), JsonLogicParser.Parse(rule));

    public static JsonLogicRule Constant(JsonNode? value) => Parse(value);

    public JsonNode? Evaluate(JsonNode? data) => root.Evaluate(Root(data)).ToNode();

    public bool IsTruthy(JsonNode? data) => root.Evaluate(Root(data)).Truthy;

    public override string ToString() => Source?.ToJsonString() ?? "null";

    private static LogicValue Root(JsonNode? data) => data is JsonObject obj ? LogicValue.Of(obj) : LogicValue.FromNode(data);
}
