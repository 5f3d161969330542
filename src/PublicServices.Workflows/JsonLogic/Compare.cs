namespace PublicServices.Workflows.JsonLogic;

/// <summary>JavaScript's == , === and relational comparison, as json-logic-js inherits them.</summary>
internal static class Compare
{
    public static bool StrictEquals(in LogicValue a, in LogicValue b) => a.Kind == b.Kind && a.Kind switch
    {
        LogicKind.Null => true,
        LogicKind.Bool or LogicKind.Number => a.Number == b.Number,
        LogicKind.String => a.String == b.String,
        _ => ReferenceEquals(a.Ref, b.Ref),
    };

    public static bool LooseEquals(in LogicValue a, in LogicValue b)
    {
        if (a.Kind == b.Kind)
            return StrictEquals(a, b);
        if (a.Kind == LogicKind.Null || b.Kind == LogicKind.Null)
            return false;
        if (a.Kind is LogicKind.Array or LogicKind.Object)
            return b.Kind is not (LogicKind.Array or LogicKind.Object) && LooseEquals(LogicValue.Of(a.ToString()), b);
        if (b.Kind is LogicKind.Array or LogicKind.Object)
            return LooseEquals(a, LogicValue.Of(b.ToString()));
        return a.ToNumber() == b.ToNumber();
    }

    public static bool Less(LogicValue a, LogicValue b) =>
        a.Kind == LogicKind.String && b.Kind == LogicKind.String
            ? string.CompareOrdinal(a.String, b.String) < 0
            : a.ToNumber() < b.ToNumber();

    public static bool LessOrEqual(LogicValue a, LogicValue b) =>
        a.Kind == LogicKind.String && b.Kind == LogicKind.String
            ? string.CompareOrdinal(a.String, b.String) <= 0
            : a.ToNumber() <= b.ToNumber();
}
