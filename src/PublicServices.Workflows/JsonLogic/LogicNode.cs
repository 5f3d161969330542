namespace PublicServices.Workflows.JsonLogic;

/// <summary>A compiled piece of a rule; evaluated against the current data (the root data, or an element inside map/filter…).</summary>
internal abstract class LogicNode
{
    public abstract LogicValue Evaluate(in LogicValue data);
}

internal sealed class LiteralNode(LogicValue value) : LogicNode
{
    public LogicValue Value { get; } = value;

    public override LogicValue Evaluate(in LogicValue data) => Value;
}

/// <summary>An array written in the rule: each element may itself be logic.</summary>
internal sealed class ArrayNode(LogicNode[] items) : LogicNode
{
    public override LogicValue Evaluate(in LogicValue data)
    {
        var values = new LogicValue[items.Length];
        for (var i = 0; i < items.Length; i++)
            values[i] = items[i].Evaluate(data);
        return LogicValue.Of(values);
    }
}

/// <summary>A mapping of two or more keys written in the rule: its values are evaluated, its keys kept.</summary>
internal sealed class RecordNode((string Key, LogicNode Value)[] fields) : LogicNode
{
    public override LogicValue Evaluate(in LogicValue data)
    {
        var record = new System.Text.Json.Nodes.JsonObject();
        foreach (var (key, value) in fields)
            record[key] = value.Evaluate(data).ToNode();
        return LogicValue.Of(record);
    }
}
