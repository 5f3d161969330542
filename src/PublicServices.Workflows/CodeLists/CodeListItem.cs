using PublicServices.Workflows.Definitions;

namespace PublicServices.Workflows.CodeLists;

/// <summary>One entry of a code list: its code, its name in both languages, and an optional parent (a school's province).</summary>
public sealed record CodeListItem(string Code, LocalizedText Name, string? Parent);
