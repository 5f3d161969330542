using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Loading;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Platform.Documents.Issuing;

/// <summary>
/// Which placeholders of a document template the issuer fills itself, and the start-up check that a workflow's
/// <c>document</c> step binds every other placeholder of its template (and nothing that the template does not have).
/// </summary>
public static class DocumentBindings
{
    /// <summary>Filled when the document is issued; a step's <c>data</c> may not set them.</summary>
    public static readonly IReadOnlySet<string> Issuer = new HashSet<string>(StringComparer.Ordinal)
    {
        "agency", "parentAgency", "place", "number", "issuedAt", "verifyUrl", "verifyCode", "dossierCode", "procedure", "submittedAt", "dueDate",
    };

    /// <summary>Filled from the deciding official when the step names <c>signedBy</c>.</summary>
    public const string SignerName = "signerName";

    public static IEnumerable<DefinitionError> Check(WorkflowDefinition definition, DocumentTemplateCatalog templates)
    {
        foreach (var step in definition.Flow.Steps.Values)
        {
            if (step.Settings is not DocumentStepSettings settings || templates.Find(settings.Template) is not { } template)
                continue;
            var placeholders = template.Placeholders.ToHashSet(StringComparer.Ordinal);
            foreach (var column in template.Blocks.OfType<TableBlock>().SelectMany(b => b.Columns))
                if (column.CodeList is { } list && definition.CodeLists.Find(list) is null)
                    yield return new DefinitionError(step.Location,
                        $"Cột '{column.Key}' của mẫu '{template.Id}' dùng danh mục '{list}' không có / Column '{column.Key}' of template '{template.Id}' names the unknown code list '{list}'.");
            foreach (var name in settings.Data.Keys.Order(StringComparer.Ordinal))
            {
                if (Issuer.Contains(name))
                    yield return new DefinitionError(step.Location,
                        $"'{name}' do hệ thống điền, không khai báo trong 'data' / '{name}' is filled when the document is issued: remove it from 'data'.");
                else if (!placeholders.Contains(name))
                    yield return new DefinitionError(step.Location,
                        $"Mẫu '{template.Id}' không có biến '{name}' / Template '{template.Id}' has no placeholder '{name}'.");
            }
            foreach (var name in template.Placeholders)
            {
                var bound = Issuer.Contains(name) || settings.Data.ContainsKey(name) || (name == SignerName && settings.SignedBy is not null);
                if (!bound)
                    yield return new DefinitionError(step.Location,
                        $"Biến '{name}' của mẫu '{template.Id}' chưa được gán / Placeholder '{name}' of template '{template.Id}' is not bound: add it under 'data:'"
                        + (name == SignerName ? " or name the deciding task with 'signedBy:'." : "."));
            }
        }
    }
}
