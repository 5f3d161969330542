using System.Globalization;
using PublicServices.Workflows.Activities;

namespace PublicServices.Platform.Notifications;

/// <summary>How values read in a message: amounts as Vietnamese write them ("20.000 đ") or in English ("20,000 VND"),
/// moments in Vietnam time.</summary>
public static class NotificationFormat
{
    private static readonly NumberFormatInfo Dots = new() { NumberGroupSeparator = ".", NumberGroupSizes = [3] };
    private static readonly NumberFormatInfo Commas = new() { NumberGroupSeparator = ",", NumberGroupSizes = [3] };

    /// <summary>A whole number of đồng: "20.000 đ" in Vietnamese, "20,000 VND" in English.</summary>
    public static string Amount(long vnd, string language) =>
        language == "vi" ? vnd.ToString("#,0", Dots) + " đ" : vnd.ToString("#,0", Commas) + " VND";

    /// <summary>dd/MM/yyyy HH:mm in Vietnam time (UTC+7) for a moment stored in UTC.</summary>
    public static string Moment(DateTimeOffset moment) =>
        moment.ToOffset(DueDates.VietnamOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
