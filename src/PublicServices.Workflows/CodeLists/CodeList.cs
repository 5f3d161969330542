using PublicServices.Workflows.Definitions;

namespace PublicServices.Workflows.CodeLists;

/// <summary>A list of codes a select field draws from (provinces, schools, subjects, countries…).</summary>
public sealed class CodeList(string id, LocalizedText title, IReadOnlyList<CodeListItem> items)
{
    private readonly Dictionary<string, CodeListItem> byCode = items.ToDictionary(i => i.Code, StringComparer.Ordinal);

    public string Id { get; } = id;
    public LocalizedText Title { get; } = title;
    public IReadOnlyList<CodeListItem> Items { get; } = items;

    /// <summary>The list whose codes this list's items name as <c>parent</c> (<c>groupedBy:</c>; schools → exam councils): a
    /// select of this list shows its items in groups headed by their parent's name, so a long list reads by province.</summary>
    public string? GroupedBy { get; init; }

    public CodeListItem? Find(string code) => byCode.GetValueOrDefault(code);
}
