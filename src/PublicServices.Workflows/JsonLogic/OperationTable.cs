namespace PublicServices.Workflows.JsonLogic;

/// <summary>Operator names and the argument counts the reference implementation works with.</summary>
internal static class OperationTable
{
    public static readonly IReadOnlyDictionary<string, (Operation Op, int Min, int Max)> ByName =
        new Dictionary<string, (Operation, int, int)>(StringComparer.Ordinal)
        {
            ["if"] = (Operation.If, 0, int.MaxValue),
            ["?:"] = (Operation.If, 0, int.MaxValue),
            ["=="] = (Operation.Equal, 2, 2),
            ["==="] = (Operation.StrictEqual, 2, 2),
            ["!="] = (Operation.NotEqual, 2, 2),
            ["!=="] = (Operation.StrictNotEqual, 2, 2),
            ["!"] = (Operation.Not, 1, 1),
            ["!!"] = (Operation.NotNot, 1, 1),
            ["or"] = (Operation.Or, 1, int.MaxValue),
            ["and"] = (Operation.And, 1, int.MaxValue),
            [">"] = (Operation.Greater, 2, 2),
            [">="] = (Operation.GreaterOrEqual, 2, 2),
            ["<"] = (Operation.Less, 2, 3),
            ["<="] = (Operation.LessOrEqual, 2, 3),
            ["max"] = (Operation.Max, 1, int.MaxValue),
            ["min"] = (Operation.Min, 1, int.MaxValue),
            ["+"] = (Operation.Add, 0, int.MaxValue),
            ["-"] = (Operation.Subtract, 1, 2),
            ["*"] = (Operation.Multiply, 1, int.MaxValue),
            ["/"] = (Operation.Divide, 2, 2),
            ["%"] = (Operation.Modulo, 2, 2),
            ["in"] = (Operation.In, 2, 2),
            ["cat"] = (Operation.Cat, 0, int.MaxValue),
            ["substr"] = (Operation.Substr, 2, 3),
            ["merge"] = (Operation.Merge, 0, int.MaxValue),
            ["missing"] = (Operation.Missing, 0, int.MaxValue),
            ["missing_some"] = (Operation.MissingSome, 2, 2),
            ["map"] = (Operation.Map, 2, 2),
            ["filter"] = (Operation.Filter, 2, 2),
            ["reduce"] = (Operation.Reduce, 2, 3),
            ["all"] = (Operation.All, 2, 2),
            ["none"] = (Operation.None, 2, 2),
            ["some"] = (Operation.Some, 2, 2),
            ["log"] = (Operation.Log, 1, 1),
        };
}
