namespace PublicServices.Web.Localization;

/// <summary>
/// Marker for the portal's strings: Resources/SharedResource.resx is Vietnamese (the default culture),
/// SharedResource.en.resx English. Keys are stable identifiers such as <c>Account.Register.Title</c>.
/// </summary>
public sealed class SharedResource;
