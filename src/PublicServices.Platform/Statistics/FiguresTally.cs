namespace PublicServices.Platform.Statistics;

/// <summary>Adds up grouped rows into one <see cref="StatisticsFigures"/> (totals, a week or a procedure).</summary>
internal sealed class FiguresTally
{
    private int received, inProgress, onTime, late, cancelled;
    private long processingDays;

    public void AddOpen(int count)
    {
        received += count;
        inProgress += count;
    }

    public void AddCancelled(int count)
    {
        received += count;
        cancelled += count;
    }

    public void AddResolved(int count, bool inTime, int days)
    {
        received += count;
        if (inTime)
            onTime += count;
        else
            late += count;
        processingDays += (long)count * days;
    }

    public StatisticsFigures ToFigures()
    {
        var resolved = onTime + late;
        return new StatisticsFigures(received, inProgress, onTime, late, cancelled,
            resolved == 0 ? null : (double)processingDays / resolved);
    }
}
