using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Engine;

namespace PublicServices.Web.Features.Dossiers;

public sealed record MyDossiersModel(IReadOnlyList<DraftRecord> Drafts, IReadOnlyList<DossierSummary> Dossiers, DefinitionRegistry Definitions,
    Func<DraftRecord, bool> ExpiresSoon);
