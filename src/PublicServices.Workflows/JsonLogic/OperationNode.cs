using System.Text.Json.Nodes;

namespace PublicServices.Workflows.JsonLogic;

/// <summary>One operator with its compiled arguments. Evaluation follows json-logic-js, argument laziness included.</summary>
internal sealed class OperationNode(Operation op, LogicNode[] args) : LogicNode
{
    public override LogicValue Evaluate(in LogicValue data)
    {
        switch (op)
        {
            case Operation.If:
                return If(data);
            case Operation.And:
            {
                var value = LogicValue.Null;
                foreach (var arg in args)
                {
                    value = arg.Evaluate(data);
                    if (!value.Truthy)
                        return value;
                }
                return value;
            }
            case Operation.Or:
            {
                var value = LogicValue.Null;
                foreach (var arg in args)
                {
                    value = arg.Evaluate(data);
                    if (value.Truthy)
                        return value;
                }
                return value;
            }
            case Operation.Not: return LogicValue.Of(!args[0].Evaluate(data).Truthy);
            case Operation.NotNot: return LogicValue.Of(args[0].Evaluate(data).Truthy);
            case Operation.Equal: return LogicValue.Of(Compare.LooseEquals(args[0].Evaluate(data), args[1].Evaluate(data)));
            case Operation.NotEqual: return LogicValue.Of(!Compare.LooseEquals(args[0].Evaluate(data), args[1].Evaluate(data)));
            case Operation.StrictEqual: return LogicValue.Of(Compare.StrictEquals(args[0].Evaluate(data), args[1].Evaluate(data)));
            case Operation.StrictNotEqual: return LogicValue.Of(!Compare.StrictEquals(args[0].Evaluate(data), args[1].Evaluate(data)));
            case Operation.Greater: return LogicValue.Of(Compare.Less(args[1].Evaluate(data), args[0].Evaluate(data)));
            case Operation.GreaterOrEqual: return LogicValue.Of(Compare.LessOrEqual(args[1].Evaluate(data), args[0].Evaluate(data)));
            case Operation.Less: return LogicValue.Of(Between(data, Compare.Less));
            case Operation.LessOrEqual: return LogicValue.Of(Between(data, Compare.LessOrEqual));
            case Operation.Max: return Fold(data, double.NegativeInfinity, Math.Max);
            case Operation.Min: return Fold(data, double.PositiveInfinity, Math.Min);
            case Operation.Add:
            {
                var sum = 0d;
                foreach (var arg in args)
                    sum += arg.Evaluate(data).ParseFloat();
                return LogicValue.Of(sum);
            }
            case Operation.Multiply:
            {
                var product = 1d;
                foreach (var arg in args)
                    product *= arg.Evaluate(data).ParseFloat();
                return LogicValue.Of(product);
            }
            case Operation.Subtract:
                return args.Length == 1
                    ? LogicValue.Of(-args[0].Evaluate(data).ToNumber())
                    : LogicValue.Of(args[0].Evaluate(data).ToNumber() - args[1].Evaluate(data).ToNumber());
            case Operation.Divide: return LogicValue.Of(args[0].Evaluate(data).ToNumber() / args[1].Evaluate(data).ToNumber());
            case Operation.Modulo: return LogicValue.Of(args[0].Evaluate(data).ToNumber() % args[1].Evaluate(data).ToNumber());
            case Operation.In: return LogicValue.Of(In(args[0].Evaluate(data), args[1].Evaluate(data)));
            case Operation.Cat:
            {
                var text = new System.Text.StringBuilder();
                foreach (var arg in args)
                    text.Append(arg.Evaluate(data).ToString());
                return LogicValue.Of(text.ToString());
            }
            case Operation.Substr: return Substr(data);
            case Operation.Merge: return Merge(data);
            case Operation.Missing: return LogicValue.Of(Missing(data, Keys(data)));
            case Operation.MissingSome: return MissingSome(data);
            case Operation.Map:
            case Operation.Filter:
            case Operation.All:
            case Operation.None:
            case Operation.Some:
                return ArrayOperation(data);
            case Operation.Reduce: return Reduce(data);
            case Operation.Log: return args[0].Evaluate(data);
            default: throw new InvalidOperationException(op.ToString());
        }
    }

    private LogicValue If(in LogicValue data)
    {
        var i = 0;
        for (; i + 1 < args.Length; i += 2)
            if (args[i].Evaluate(data).Truthy)
                return args[i + 1].Evaluate(data);
        return i < args.Length ? args[i].Evaluate(data) : LogicValue.Null;
    }

    private bool Between(in LogicValue data, Func<LogicValue, LogicValue, bool> compare)
    {
        var a = args[0].Evaluate(data);
        var b = args[1].Evaluate(data);
        return args.Length == 2 ? compare(a, b) : compare(a, b) && compare(b, args[2].Evaluate(data));
    }

    private LogicValue Fold(in LogicValue data, double seed, Func<double, double, double> combine)
    {
        var result = seed;
        foreach (var arg in args)
            result = combine(result, arg.Evaluate(data).ToNumber());
        return LogicValue.Of(result);
    }

    private static bool In(in LogicValue needle, in LogicValue haystack)
    {
        if (haystack.Kind == LogicKind.Array)
        {
            foreach (var item in haystack.Array)
                if (Compare.StrictEquals(needle, item))
                    return true;
            return false;
        }
        return haystack.Kind == LogicKind.String && haystack.String.Contains(needle.ToString(), StringComparison.Ordinal);
    }

    private LogicValue Substr(in LogicValue data)
    {
        var text = args[0].Evaluate(data).ToString();
        var start = (int)args[1].Evaluate(data).ToNumber();
        if (start < 0)
            start = Math.Max(text.Length + start, 0);
        start = Math.Min(start, text.Length);
        var rest = text[start..];
        if (args.Length < 3)
            return LogicValue.Of(rest);
        var length = (int)args[2].Evaluate(data).ToNumber();
        return LogicValue.Of(length < 0 ? rest[..Math.Max(rest.Length + length, 0)] : rest[..Math.Min(length, rest.Length)]);
    }

    private LogicValue Merge(in LogicValue data)
    {
        var merged = new List<LogicValue>();
        foreach (var arg in args)
        {
            var value = arg.Evaluate(data);
            if (value.Kind == LogicKind.Array)
                merged.AddRange(value.Array);
            else
                merged.Add(value);
        }
        return LogicValue.Of(merged.ToArray());
    }

    /// <summary>missing's keys: the arguments, or the first argument when it evaluates to an array (e.g. from merge).</summary>
    private LogicValue[] Keys(in LogicValue data)
    {
        var values = new LogicValue[args.Length];
        for (var i = 0; i < args.Length; i++)
            values[i] = args[i].Evaluate(data);
        return values.Length > 0 && values[0].Kind == LogicKind.Array ? values[0].Array : values;
    }

    private static LogicValue[] Missing(in LogicValue data, LogicValue[] keys)
    {
        var missing = new List<LogicValue>();
        foreach (var key in keys)
        {
            var found = VarNode.TryWalk(data, VarNode.Split(key), out var value);
            if (!found || (value.Kind == LogicKind.String && value.String.Length == 0))
                missing.Add(key);
        }
        return missing.ToArray();
    }

    private LogicValue MissingSome(in LogicValue data)
    {
        var need = args[0].Evaluate(data).ToNumber();
        var keysValue = args[1].Evaluate(data);
        var keys = keysValue.Kind == LogicKind.Array ? keysValue.Array : [keysValue];
        var missing = Missing(data, keys);
        return LogicValue.Of(keys.Length - missing.Length >= need ? [] : missing);
    }

    private LogicValue ArrayOperation(in LogicValue data)
    {
        var source = args[0].Evaluate(data);
        var items = source.Kind == LogicKind.Array ? source.Array : [];
        var body = args[1];
        switch (op)
        {
            case Operation.Map:
                return LogicValue.Of(items.Select(item => body.Evaluate(item)).ToArray());
            case Operation.Filter:
                return LogicValue.Of(items.Where(item => body.Evaluate(item).Truthy).ToArray());
            case Operation.All:
                return LogicValue.Of(items.Length > 0 && items.All(item => body.Evaluate(item).Truthy));
            case Operation.None:
                return LogicValue.Of(!items.Any(item => body.Evaluate(item).Truthy));
            default:
                return LogicValue.Of(items.Any(item => body.Evaluate(item).Truthy));
        }
    }

    private LogicValue Reduce(in LogicValue data)
    {
        var source = args[0].Evaluate(data);
        var accumulator = args.Length > 2 ? args[2].Evaluate(data) : LogicValue.Null;
        if (source.Kind != LogicKind.Array)
            return accumulator;
        foreach (var item in source.Array)
        {
            var scope = new JsonObject { ["current"] = item.ToNode(), ["accumulator"] = accumulator.ToNode() };
            accumulator = args[1].Evaluate(LogicValue.Of(scope));
        }
        return accumulator;
    }
}
