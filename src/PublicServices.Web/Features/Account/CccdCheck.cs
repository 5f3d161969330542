using Microsoft.Extensions.Localization;
using PublicServices.Web.Localization;
using PublicServices.Workflows.Forms;

namespace PublicServices.Web.Features.Account;

/// <summary>The engine's CCCD structure rules, worded in the visitor's language.</summary>
public static class CccdCheck
{
    public static IEnumerable<string> Errors(string cccd, DateOnly? birthDate, int currentYear, IStringLocalizer<SharedResource> l) =>
        CccdNumber.Check(cccd, birthDate, female: null, currentYear).Select(p => p.Problem switch
        {
            CccdProblem.Format => l["Validation.Cccd.Format"].Value,
            CccdProblem.Province => l["Validation.Cccd.Province", cccd.Trim()[..3]].Value,
            CccdProblem.FutureBirthYear => l["Validation.Cccd.FutureYear"].Value,
            CccdProblem.BirthYearMismatch => l["Validation.Cccd.BirthYear"].Value,
            _ => p.Message,
        });
}
