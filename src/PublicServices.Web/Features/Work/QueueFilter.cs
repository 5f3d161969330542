using PublicServices.Platform.Tasks;

namespace PublicServices.Web.Features.Work;

/// <summary>The queue filter as it travels in the address bar (GET form), so a filtered queue can be bookmarked.</summary>
public sealed class QueueFilter
{
    public string? View { get; set; }
    public string? Procedure { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Q { get; set; }
    public string? After { get; set; }

    public TaskView ParsedView => View switch
    {
        "mine" => TaskView.Mine,
        "overdue" => TaskView.Overdue,
        "due-soon" => TaskView.DueSoon,
        _ => TaskView.Available,
    };

    public TaskQuery ToQuery(int pageSize = 50) => new()
    {
        View = ParsedView, Procedure = Procedure, SubmittedFrom = From, SubmittedTo = To, Keyword = Q,
        After = TaskCursor.Parse(After), PageSize = pageSize,
    };

    /// <summary>The query string of this filter with another view or cursor.</summary>
    public string Link(string? view = null, string? after = null)
    {
        var parts = new Dictionary<string, string?>
        {
            ["view"] = view ?? View, ["procedure"] = Procedure, ["from"] = From?.ToString("yyyy-MM-dd"),
            ["to"] = To?.ToString("yyyy-MM-dd"), ["q"] = Q, ["after"] = after,
        };
        return string.Join("&", parts.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
    }
}
