using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Storage;
using PublicServices.Web.Features.Applications;

namespace PublicServices.Web.Features.Dossiers;

/// <summary>The supplement page: the official's request, and the requested fields with their current values.</summary>
public sealed record AmendModel(DossierDetail Dossier, AmendmentRequest Request, FormPageModel Page, IReadOnlyDictionary<Guid, AttachmentRecord> Files);
