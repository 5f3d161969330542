using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Storage;
using PublicServices.Web.Features.Applications;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Web.Features.Dossiers;

/// <summary>The page changing a submitted start form (<c>edits:</c>): every field, prefilled with the dossier's data, in
/// sections titled as the form's pages. <see cref="Page"/> holds all the fields as one page (for visibleWhen and the quick search).</summary>
public sealed record EditModel(DossierDetail Dossier, EditPermission Permission, FormPageModel Page, IReadOnlyDictionary<Guid, AttachmentRecord> Files)
{
    public IReadOnlyList<FormPage> Sections => Permission.Form.Pages;
}
