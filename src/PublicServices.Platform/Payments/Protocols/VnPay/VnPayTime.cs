using System.Globalization;

namespace PublicServices.Platform.Payments.Protocols.VnPay;

/// <summary>VNPay dates: yyyyMMddHHmmss in Vietnam time (GMT+7, no daylight saving).</summary>
public static class VnPayTime
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);
    private const string Format = "yyyyMMddHHmmss";

    public static string Format14(DateTimeOffset instant) =>
        instant.ToOffset(VietnamOffset).ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (text is null || !DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return false;
        instant = new DateTimeOffset(local, VietnamOffset);
        return true;
    }
}
