using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Storage;
using PublicServices.Web.Features.Applications;

namespace PublicServices.Web.Features.Dossiers;

/// <summary>The page changing a submitted start form (<c>edits:</c>): every field, prefilled with the dossier's data.</summary>
public sealed record EditModel(DossierDetail Dossier, EditPermission Permission, FormPageModel Page, IReadOnlyDictionary<Guid, AttachmentRecord> Files);
