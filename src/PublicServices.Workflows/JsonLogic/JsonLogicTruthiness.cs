using System.Text.Json.Nodes;

namespace PublicServices.Workflows.JsonLogic;

public static class JsonLogicTruthiness
{
    /// <summary>JsonLogic truthiness: false for null, false, 0, "", and the empty array; true otherwise.</summary>
    public static bool IsTruthy(JsonNode? value) => LogicValue.FromNode(value).Truthy;
}
