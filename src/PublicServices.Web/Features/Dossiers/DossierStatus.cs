using PublicServices.Platform.Dossiers;

namespace PublicServices.Web.Features.Dossiers;

/// <summary>The resource key suffix of a dossier's status in plain words.</summary>
public static class DossierStatus
{
    public static string Key(string instanceStatus, string? result) =>
        result == DossierWithdrawal.Result ? "Withdrawn" : instanceStatus;
}
