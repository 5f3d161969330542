using System.Text.Json.Nodes;

namespace PublicServices.Workflows.JsonLogic;

/// <summary>Compiles a rule once: operators resolved, argument counts checked, constant paths split, constant arrays folded.</summary>
internal static class JsonLogicParser
{
    public const int MaxDepth = 64;

    public static LogicNode Parse(JsonNode? node, int depth = 0)
    {
        if (depth > MaxDepth)
            throw new JsonLogicException($"Quy tắc lồng quá {MaxDepth} cấp / The rule nests deeper than {MaxDepth} levels.", node);
        switch (node)
        {
            case JsonObject { Count: 1 } operation:
                return Operation(operation, depth);
            case JsonObject { Count: > 1 } record:
                // Not an operator (JsonLogic returns such a mapping as it is): a record whose values may be rules, so a
                // step can build rows such as { subject: { var: … }, score: { var: … } }. Literal values stay literal.
                var fields = record.Select(p => (p.Key, Parse(p.Value, depth + 1))).ToArray();
                return fields.All(f => f.Item2 is LiteralNode)
                    ? new LiteralNode(LogicValue.FromNode(record))
                    : new RecordNode(fields);
            case JsonArray array:
                var items = array.Select(item => Parse(item, depth + 1)).ToArray();
                return items.All(i => i is LiteralNode)
                    ? new LiteralNode(LogicValue.Of(items.Select(i => ((LiteralNode)i).Value).ToArray()))
                    : new ArrayNode(items);
            default:
                return new LiteralNode(LogicValue.FromNode(node));
        }
    }

    private static LogicNode Operation(JsonObject operation, int depth)
    {
        var (name, argument) = operation.First();
        var args = argument is JsonArray list ? list.ToList() : [argument];
        if (name == "var")
        {
            if (args.Count > 2)
                throw Arity(name, 0, 2, args.Count, operation);
            return new VarNode(args.Count > 0 ? Parse(args[0], depth + 1) : null, args.Count > 1 ? Parse(args[1], depth + 1) : null);
        }
        if (!OperationTable.ByName.TryGetValue(name, out var entry))
            throw new JsonLogicException(
                $"Không có phép toán '{name}' / Unknown operator '{name}'{Suggestion(name)}. Known: var, {string.Join(", ", OperationTable.ByName.Keys)}.",
                operation);
        if (args.Count < entry.Min || args.Count > entry.Max)
            throw Arity(name, entry.Min, entry.Max, args.Count, operation);
        return new OperationNode(entry.Op, args.Select(a => Parse(a, depth + 1)).ToArray());
    }

    private static JsonLogicException Arity(string name, int min, int max, int actual, JsonNode node)
    {
        var expected = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
        return new JsonLogicException(
            $"'{name}' cần {expected.Replace("at least", "ít nhất").Replace(" to ", " đến ")} đối số, có {actual} / '{name}' takes {expected} argument(s), got {actual}.",
            node);
    }

    private static string Suggestion(string name)
    {
        var close = OperationTable.ByName.Keys.Append("var")
            .Select(known => (known, distance: name.StartsWith(known, StringComparison.Ordinal) || known.StartsWith(name, StringComparison.Ordinal)
                ? 1 : Distance(name, known)))
            .Where(c => c.distance <= 2)
            .OrderBy(c => c.distance)
            .Select(c => c.known)
            .FirstOrDefault();
        return close is null ? "" : $" (did you mean '{close}'?)";
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
