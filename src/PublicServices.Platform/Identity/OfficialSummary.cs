using PublicServices.Workflows.Definitions;

namespace PublicServices.Platform.Identity;

/// <summary>One official or administrator as the administration pages list them.</summary>
public sealed record OfficialSummary(
    string Id, string Email, string FullName, IReadOnlyList<string> Roles, string? UnitCode, LocalizedText? UnitName,
    bool TwoFactorEnabled, bool IsDisabled);

/// <summary>A page of search results; <see cref="More"/> when the search matched more than were returned.</summary>
public sealed record OfficialSearch(IReadOnlyList<OfficialSummary> Officials, bool More);
