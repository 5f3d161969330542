namespace PublicServices.Workflows.JsonLogic;

internal enum Operation
{
    If, Equal, StrictEqual, NotEqual, StrictNotEqual, Not, NotNot, Or, And,
    Greater, GreaterOrEqual, Less, LessOrEqual, Max, Min, Add, Subtract, Multiply, Divide, Modulo,
    In, Cat, Substr, Merge, Missing, MissingSome, Map, Filter, Reduce, All, None, Some, Log,
}
