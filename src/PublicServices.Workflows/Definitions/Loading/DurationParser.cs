using System.Text.RegularExpressions;

namespace PublicServices.Workflows.Definitions.Loading;

/// <summary>"20 working days", "2 working day", "30 days", "24 hours", "90 minutes".</summary>
internal static partial class DurationParser
{
    [GeneratedRegex(@"^\s*(\d+)\s+(working days?|days?|hours?|minutes?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    public static DurationSpec? TryParse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, out var amount))
            return null;
        var unit = match.Groups[2].Value.ToLowerInvariant() switch
        {
            var u when u.StartsWith("working", StringComparison.Ordinal) => DurationUnit.WorkingDays,
            var u when u.StartsWith("day", StringComparison.Ordinal) => DurationUnit.Days,
            var u when u.StartsWith("hour", StringComparison.Ordinal) => DurationUnit.Hours,
            _ => DurationUnit.Minutes,
        };
        return new DurationSpec(amount, unit);
    }

    public const string Help = "viết như '20 working days', '30 days', '24 hours' / write like '20 working days', '30 days', '24 hours'";
}
