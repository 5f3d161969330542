using PublicServices.Workflows.Definitions;

namespace PublicServices.Web.Features.Home;

/// <summary>The procedures shown, and the names of their agencies (a code without a unit record is shown as is).</summary>
public sealed record CatalogueModel(string? Query, IReadOnlyList<WorkflowDefinition> Procedures, IReadOnlyDictionary<string, LocalizedText> Agencies);
