using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using PublicServices.Platform.Statistics;

namespace PublicServices.Web.Features.Dashboard;

/// <summary>
/// The dashboard as a spreadsheet: one row per week, one per procedure, then the total. UTF-8 with a byte-order mark
/// (without it Excel reads Vietnamese as Windows-1252), RFC 4180 commas and quotes, dates dd/MM/yyyy, numbers with a
/// decimal point and no thousands separator so that every spreadsheet reads them as numbers.
/// </summary>
public static class DashboardCsv
{
    public static byte[] Write(DashboardModel model, IStringLocalizer l)
    {
        var query = model.Query;
        var csv = new StringBuilder();
        Line(csv, l["Dashboard.Csv.Section"], l["Dashboard.Csv.Code"], l["Dashboard.Csv.Name"], l["Dashboard.Csv.From"], l["Dashboard.Csv.To"],
            l["Dashboard.Received"], l["Dashboard.InProgress"], l["Dashboard.Resolved"], l["Dashboard.OnTime"], l["Dashboard.Late"],
            l["Dashboard.Cancelled"], l["Dashboard.Csv.OnTimeRate"], l["Dashboard.Csv.AverageDays"]);
        foreach (var week in model.Report.Weeks)
        {
            // A week at either end of the range counts only its days inside the range: say so with its dates.
            var from = week.Monday < query.From ? query.From : week.Monday;
            var to = week.Monday.AddDays(6) > query.To ? query.To : week.Monday.AddDays(6);
            Row(csv, l["Dashboard.Csv.Week"], week.Week, DashboardModel.WeekLabel(l, week), from, to, week.Figures);
        }
        foreach (var procedure in model.Report.Procedures)
            Row(csv, l["Dashboard.Csv.Procedure"], procedure.ProcedureId, model.ProcedureTitle(procedure.ProcedureId), query.From, query.To, procedure.Figures);
        Row(csv, l["Dashboard.Csv.Total"], "", l["Dashboard.Total"], query.From, query.To, model.Report.Total);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>thong-ke-YYYYMMDD.csv, dated the day it is downloaded.</summary>
    public static string FileName(DateOnly today) => $"thong-ke-{today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";

    private static void Row(StringBuilder csv, string section, string code, string name, DateOnly from, DateOnly to, StatisticsFigures f) =>
        Line(csv, section, code, name, DashboardFormat.Date(from), DashboardFormat.Date(to),
            Number(f.Received), Number(f.InProgress), Number(f.Resolved), Number(f.OnTime), Number(f.Late), Number(f.Cancelled),
            f.OnTimeRate is { } rate ? (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) : "",
            f.AverageWorkingDays?.ToString("0.00", CultureInfo.InvariantCulture) ?? "");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, params string[] cells)
    {
        csv.Append(string.Join(",", cells.Select(Quote)));
        csv.Append("\r\n");
    }

    /// <summary>Quotes a cell that holds a comma, a quote or a line break, doubling its quotes (RFC 4180).</summary>
    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
