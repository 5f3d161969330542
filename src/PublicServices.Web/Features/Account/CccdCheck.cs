using Microsoft.Extensions.Localization;
using PublicServices.Web.Localization;

namespace PublicServices.Web.Features.Account;

/// <summary>CCCD structure check for registration (interim: digits and length; replaced by the engine's CccdNumber rules).</summary>
public static class CccdCheck
{
    public static IEnumerable<string> Errors(string cccd, DateOnly? birthDate, IStringLocalizer<SharedResource> l)
    {
        if (cccd.Length != 12 || !cccd.All(char.IsAsciiDigit))
            yield return l["Validation.Cccd.Format"];
    }
}
