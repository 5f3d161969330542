using System.Text.Json.Nodes;

namespace PublicServices.Workflows.JsonLogic;

/// <summary>
/// A JsonLogic rule parsed once and evaluated many times.
/// PLACEHOLDER API ONLY: the evaluator is being written (issue 3); every member throws until then.
/// </summary>
public sealed class JsonLogicRule
{
    public static JsonLogicRule Parse(JsonNode? rule) => throw new NotImplementedException("JsonLogic evaluator not written yet");

    public JsonNode? Evaluate(JsonNode? data) => throw new NotImplementedException("JsonLogic evaluator not written yet");

    public bool IsTruthy(JsonNode? data) => throw new NotImplementedException("JsonLogic evaluator not written yet");
}
