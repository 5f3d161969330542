using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PublicServices.Workflows.JsonLogic;

/// <summary>Reads any JSON value as a parsed rule and writes the rule as it was written.</summary>
public sealed class JsonLogicRuleJsonConverter : JsonConverter<JsonLogicRule>
{
    public override JsonLogicRule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonLogicRule.Parse(JsonNode.Parse(ref reader));

    public override void Write(Utf8JsonWriter writer, JsonLogicRule value, JsonSerializerOptions options)
    {
        if (value.Source is null)
            writer.WriteNullValue();
        else
            value.Source.WriteTo(writer, options);
    }
}
