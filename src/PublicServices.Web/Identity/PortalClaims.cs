namespace PublicServices.Web.Identity;

/// <summary>Claims the portal adds at sign-in so that per-request checks need no database read.</summary>
public static class PortalClaims
{
    public const string FullName = "ps:name";
    public const string Unit = "ps:unit";
    public const string Official = "ps:official";
    public const string TwoFactor = "ps:2fa";
}
