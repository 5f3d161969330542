using PublicServices.Workflows.Definitions;

namespace PublicServices.Web.Features.Home;

public sealed record CatalogueModel(string? Query, IReadOnlyList<WorkflowDefinition> Procedures);
