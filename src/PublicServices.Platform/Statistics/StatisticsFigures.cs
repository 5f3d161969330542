namespace PublicServices.Platform.Statistics;

/// <summary>
/// The figures a public-service portal publishes for a set of dossiers. Resolved = decided (Completed), split into on
/// time and late; cancelled = withdrawn or cancelled; in progress = everything not yet decided nor cancelled.
/// </summary>
/// <param name="AverageWorkingDays">Mean working days from submission to decision over the resolved dossiers; null when none is resolved.</param>
public sealed record StatisticsFigures(int Received, int InProgress, int OnTime, int Late, int Cancelled, double? AverageWorkingDays)
{
    public static readonly StatisticsFigures Empty = new(0, 0, 0, 0, 0, null);

    public int Resolved => OnTime + Late;

    /// <summary>On time ÷ resolved, between 0 and 1; null when nothing is resolved yet (not 0 %, which would read as all late).</summary>
    public double? OnTimeRate => Resolved == 0 ? null : (double)OnTime / Resolved;
}
