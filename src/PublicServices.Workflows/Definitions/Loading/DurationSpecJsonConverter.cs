using System.Text.Json;
using System.Text.Json.Serialization;

namespace PublicServices.Workflows.Definitions.Loading;

/// <summary>Durations in settings: "2 working days", "24 hours", or { workingDays: 20 }.</summary>
internal sealed class DurationSpecJsonConverter : JsonConverter<DurationSpec>
{
    public override DurationSpec Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && DurationParser.TryParse(reader.GetString()!) is { } parsed)
            return parsed;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.TryGetProperty("workingDays", out var days) && days.TryGetInt32(out var amount))
                return new DurationSpec(amount, DurationUnit.WorkingDays);
        }
        throw new JsonException($"not a duration: {DurationParser.Help}");
    }

    public override void Write(Utf8JsonWriter writer, DurationSpec value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Unit switch
        {
            DurationUnit.WorkingDays => $"{value.Amount} working days",
            DurationUnit.Days => $"{value.Amount} days",
            DurationUnit.Hours => $"{value.Amount} hours",
            _ => $"{value.Amount} minutes",
        });
}
