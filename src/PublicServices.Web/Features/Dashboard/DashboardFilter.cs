using PublicServices.Platform.Statistics;

namespace PublicServices.Web.Features.Dashboard;

/// <summary>
/// The dashboard's filter, from the query string of the page, the CSV export and the API alike
/// (<c>?unit=&amp;procedure=&amp;from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>). Empty means all units the user may see, all
/// procedures, and the last 12 weeks.
/// </summary>
public sealed class DashboardFilter
{
    /// <summary>Two years of weekly rows is as much as a page, a chart or a spreadsheet stays readable with.</summary>
    public const int MaxDays = 731;

    public string? Unit { get; set; }
    public string? Procedure { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>The query the filter asks for, scoped to the agencies the user may see.</summary>
    public StatisticsQuery ToQuery(DashboardScope scope, TimeProvider clock) =>
        StatisticsQuery.For(scope.Agencies, Procedure, From, To, clock);

    /// <summary>True when the dates (filled in with the defaults) span more than <see cref="MaxDays"/>.</summary>
    public bool IsTooLong(TimeProvider clock)
    {
        var query = StatisticsQuery.For(null, null, From, To, clock);
        return query.To.DayNumber - query.From.DayNumber > MaxDays;
    }

    /// <summary>The same filter as a query string (for the CSV link), without the empty parts.</summary>
    public string ToQueryString(StatisticsQuery query)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Unit))
            parts.Add("unit=" + Uri.EscapeDataString(Unit));
        if (query.ProcedureId is { } procedure)
            parts.Add("procedure=" + Uri.EscapeDataString(procedure));
        parts.Add("from=" + query.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        parts.Add("to=" + query.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return "?" + string.Join("&", parts);
    }
}
