using System.Globalization;
using Microsoft.Extensions.Localization;
using PublicServices.Platform.Dossiers;

namespace PublicServices.Web.Localization;

/// <summary>The submission declaration as shown on the review page, in both languages; its version is what a dossier records.</summary>
public static class DeclarationText
{
    public static Declaration Current(IStringLocalizer<SharedResource> l) =>
        Declaration.Of(In("vi", () => l["Applications.Declaration"]), In("en", () => l["Applications.Declaration"]));

    private static string In(string culture, Func<string> read)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
