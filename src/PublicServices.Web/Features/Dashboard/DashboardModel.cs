using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Statistics;
using PublicServices.Web.Localization;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Web.Features.Dashboard;

/// <summary>What the dashboard page shows: the filter as applied, the figures, and names for codes in the reader's language.</summary>
public sealed class DashboardModel(DashboardScope scope, StatisticsReport report, IReadOnlyList<WorkflowDefinition> procedures, DefinitionRegistry definitions)
{
    public DashboardScope Scope { get; } = scope;
    public StatisticsReport Report { get; } = report;
    public StatisticsQuery Query => Report.Query;

    /// <summary>The procedures the picker offers: every published one.</summary>
    public IReadOnlyList<WorkflowDefinition> Procedures { get; } = procedures;

    public string ProcedureTitle(string procedureId) =>
        definitions.Latest(procedureId)?.Title.For(PortalCultures.Current) ?? procedureId;

    public static string UnitName(Unit unit) => PortalCultures.Current == "en" ? unit.NameEn : unit.NameVi;

    /// <summary>"Tuần 08/2026 (16/02/2026–22/02/2026)" / "Week 08, 2026 (…)": ISO week number and week-numbering year.</summary>
    public static string WeekLabel(IStringLocalizer l, WeekStatistics week)
    {
        var monday = week.Monday.ToDateTime(TimeOnly.MinValue);
        return l["Dashboard.WeekLabel", ISOWeek.GetWeekOfYear(monday).ToString("00", CultureInfo.InvariantCulture),
            ISOWeek.GetYear(monday), DashboardFormat.Date(week.Monday), DashboardFormat.Date(week.Monday.AddDays(6))];
    }

    /// <summary>
    /// The weekly figures for wwwroot/js/dashboard.js, embedded as <c>application/json</c>. System.Text.Json escapes
    /// &lt;, &gt; and &amp;, so the text cannot close the script element.
    /// </summary>
    public string ChartJson(IStringLocalizer l) => JsonSerializer.Serialize(new
    {
        locale = CultureInfo.CurrentCulture.Name,
        // Short labels under the bars ("Tuần 08"), the full one with its dates in the tooltip.
        labels = Report.Weeks.Select(w => l["Dashboard.Chart.Week", ISOWeek.GetWeekOfYear(w.Monday.ToDateTime(TimeOnly.MinValue)).ToString("00", CultureInfo.InvariantCulture)].Value).ToList(),
        titles = Report.Weeks.Select(w => WeekLabel(l, w)).ToList(),
        received = new { label = l["Dashboard.Received"].Value, values = Report.Weeks.Select(w => w.Figures.Received) },
        onTime = new { label = l["Dashboard.Chart.OnTime"].Value, values = Report.Weeks.Select(w => w.Figures.OnTime) },
        late = new { label = l["Dashboard.Chart.Late"].Value, values = Report.Weeks.Select(w => w.Figures.Late) },
    }, JsonSerializerOptions.Web);
}
