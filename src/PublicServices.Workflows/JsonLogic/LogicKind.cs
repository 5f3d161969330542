namespace PublicServices.Workflows.JsonLogic;

internal enum LogicKind : byte { Null, Bool, Number, String, Array, Object }
