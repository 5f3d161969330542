using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PublicServices.Workflows.JsonLogic;

/// <summary>
/// Reads a JSON number whatever CLR type backs the node (parsed JSON, or values created from long/int/decimal/double):
/// <c>JsonValue.GetValue&lt;double&gt;</c> alone fails on a node created from a long.
/// </summary>
public static class JsonNumbers
{
    public static bool TryGetDouble(JsonNode? node, out double number)
    {
        number = 0;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
            return false;
        if (value.TryGetValue(out number))
            return true;
        if (value.TryGetValue<long>(out var whole))
            number = whole;
        else if (value.TryGetValue<int>(out var small))
            number = small;
        else if (value.TryGetValue<decimal>(out var exact))
            number = (double)exact;
        else
            number = double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
        return true;
    }
}
