using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PublicServices.Workflows.JsonLogic;

/// <summary>
/// A JsonLogic value during evaluation: a small struct, so comparing a field with a constant allocates nothing.
/// Arrays are <see cref="LogicValue"/>[]; objects stay the data's own <see cref="JsonObject"/>.
/// </summary>
internal readonly struct LogicValue
{
    public readonly LogicKind Kind;
    public readonly double Number;
    public readonly object? Ref;

    private LogicValue(LogicKind kind, double number, object? reference)
    {
        Kind = kind;
        Number = number;
        Ref = reference;
    }

    public static readonly LogicValue Null = default;
    public static readonly LogicValue True = new(LogicKind.Bool, 1, null);
    public static readonly LogicValue False = new(LogicKind.Bool, 0, null);

    public static LogicValue Of(bool value) => value ? True : False;
    public static LogicValue Of(double value) => new(LogicKind.Number, value, null);
    public static LogicValue Of(string value) => new(LogicKind.String, 0, value);
    public static LogicValue Of(LogicValue[] value) => new(LogicKind.Array, 0, value);
    public static LogicValue Of(JsonObject value) => new(LogicKind.Object, 0, value);

    public string String => (string)Ref!;
    public LogicValue[] Array => (LogicValue[])Ref!;
    public bool Bool => Number != 0;

    /// <summary>JsonLogic truthiness: JavaScript's, except that an empty array is false.</summary>
    public bool Truthy => Kind switch
    {
        LogicKind.Null => false,
        LogicKind.Bool => Bool,
        LogicKind.Number => Number != 0 && !double.IsNaN(Number),
        LogicKind.String => String.Length > 0,
        LogicKind.Array => Array.Length > 0,
        _ => true,
    };

    public static LogicValue FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return Null;
            case JsonObject obj:
                return Of(obj);
            case JsonArray array:
                var items = new LogicValue[array.Count];
                for (var i = 0; i < items.Length; i++)
                    items[i] = FromNode(array[i]);
                return Of(items);
            default:
                var value = node.AsValue();
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => Of(value.GetValue<string>()),
                    JsonValueKind.Number => Of(JsonNumbers.TryGetDouble(value, out var number) ? number : double.NaN),
                    JsonValueKind.True => True,
                    JsonValueKind.False => False,
                    _ => Null,
                };
        }
    }

    /// <summary>The value as JSON. A number that JSON cannot hold (NaN, ±Infinity: arithmetic on a missing value, a division
    /// by zero) becomes null, as JavaScript's <c>JSON.stringify</c> — JsonLogic's reference — writes it; kept as a number it
    /// would fail the state's serialization, and with it every instance of a batch signal's chunk.</summary>
    public JsonNode? ToNode() => Kind switch
    {
        LogicKind.Null => null,
        LogicKind.Number when !double.IsFinite(Number) => null,
        LogicKind.Bool => JsonValue.Create(Bool),
        LogicKind.Number => Number == Math.Floor(Number) && Math.Abs(Number) < 1e15 ? JsonValue.Create((long)Number) : JsonValue.Create(Number),
        LogicKind.String => JsonValue.Create(String),
        LogicKind.Array => new JsonArray(Array.Select(v => v.ToNode()).ToArray()),
        _ => ((JsonObject)Ref!).DeepClone(),
    };

    /// <summary>JavaScript ToNumber.</summary>
    public double ToNumber() => Kind switch
    {
        LogicKind.Null => 0,
        LogicKind.Bool => Number,
        LogicKind.Number => Number,
        LogicKind.String => ParseNumber(String),
        LogicKind.Array => Array.Length == 0 ? 0 : Array.Length == 1 ? Array[0].ToNumber() : double.NaN,
        _ => double.NaN,
    };

    /// <summary>JavaScript String(value).</summary>
    public override string ToString() => Kind switch
    {
        LogicKind.Null => "null",
        LogicKind.Bool => Bool ? "true" : "false",
        LogicKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        LogicKind.String => String,
        LogicKind.Array => string.Join(",", Array.Select(v => v.Kind == LogicKind.Null ? "" : v.ToString())),
        _ => "[object Object]",
    };

    private static double ParseNumber(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            return 0;
        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : double.NaN;
    }

    /// <summary>JavaScript parseFloat (used by + and *): the longest numeric prefix, NaN when there is none.</summary>
    public double ParseFloat()
    {
        if (Kind == LogicKind.Number)
            return Number;
        var text = ToString().TrimStart();
        for (var length = text.Length; length > 0; length--)
            if (double.TryParse(text.AsSpan(0, length), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return number;
        return double.NaN;
    }
}
