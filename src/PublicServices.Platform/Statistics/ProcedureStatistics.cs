namespace PublicServices.Platform.Statistics;

/// <summary>The figures of one procedure's dossiers.</summary>
public sealed record ProcedureStatistics(string ProcedureId, StatisticsFigures Figures);
