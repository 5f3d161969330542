using System.Globalization;

namespace PublicServices.Web.Features.Dashboard;

/// <summary>
/// Figures as the reader's language writes them: "1.234" and "50,0 %" in Vietnamese, "1,234" and "50.0%" in English
/// (the current culture); the CSV uses <see cref="CultureInfo.InvariantCulture"/> so that spreadsheets read numbers.
/// </summary>
public static class DashboardFormat
{
    public static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A rate, or <paramref name="none"/> when there is nothing to divide by.</summary>
    public static string Rate(double? value, string none) => value?.ToString("P1", CultureInfo.CurrentCulture) ?? none;

    public static string Days(double? value, string none) => value?.ToString("N1", CultureInfo.CurrentCulture) ?? none;

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
