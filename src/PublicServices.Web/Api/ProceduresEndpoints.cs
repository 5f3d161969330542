using Microsoft.AspNetCore.Http.HttpResults;
using PublicServices.Platform.Engine;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Web.Api;

/// <summary>Public catalogue: published procedures and the form schema an integration needs to submit one.</summary>
public static class ProceduresEndpoints
{
    public static RouteGroupBuilder MapProcedures(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/procedures").WithTags("Procedures");
        group.MapGet("/", (DefinitionRegistry definitions) => TypedResults.Ok(definitions.Published().Select(Summary)));
        group.MapGet("/{id}", Results<Ok<object>, NotFound> (string id, DefinitionRegistry definitions) =>
            definitions.Latest(id) is { } definition ? TypedResults.Ok(Schema(definition)) : TypedResults.NotFound());
        return group;
    }

    private static object Summary(WorkflowDefinition d) => new
    {
        id = d.Id, version = d.Version, title = d.Title, description = d.Description, agency = d.Agency,
        deadlineWorkingDays = d.Deadline is { Unit: DurationUnit.WorkingDays } w ? w.Amount : (int?)null,
        fee = d.FeeText, requiredDocuments = d.RequiredDocuments,
    };

    private static object Schema(WorkflowDefinition d) => new
    {
        procedure = Summary(d),
        forms = d.Forms.Values.Select(form => new
        {
            id = form.Id,
            pages = form.Pages.Select(page => new
            {
                id = page.Id, title = page.Title,
                fields = page.Fields.Select(f => new
                {
                    id = f.Id, type = f.Type.ToString().ToLowerInvariant(), label = f.Label, hint = f.Hint, required = f.Required,
                    min = f.Min, max = f.Max, minLength = f.MinLength, maxLength = f.MaxLength, pattern = f.Pattern,
                    options = f.Options.Select(o => new { value = o.Value, label = o.Label }), codeList = f.CodeList,
                    visibleWhen = f.VisibleWhen?.Source, prefill = f.Prefill,
                    file = f.File is null ? null : new { accept = f.File.Accept, maxBytes = f.File.MaxBytes, maxCount = f.File.MaxCount, f.File.MinWidth, f.File.MinHeight },
                }),
            }),
            rules = form.Rules.Select(r => new { rule = r.Rule.Source, message = r.Message, fields = r.Fields }),
        }),
    };
}
