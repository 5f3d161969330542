namespace PublicServices.Web.Tests.Support;

/// <summary>Paying a dossier's fee as an applicant's browser does: the pay button, then a choice on the sandbox gateway's page.</summary>
public static class SandboxPay
{
    /// <summary>Starts an attempt from the dossier page and acts on the gateway's page; returns the reference and the browser's return address.</summary>
    public static async Task<(string Reference, string ReturnUrl)> PayAsync(HttpClient browser, string code, string outcome = "pay", string delivery = "once", string failure = "51")
    {
        var dossier = await HtmlPage.GetAsync(browser, $"/dossiers/{code}");
        var gatewayUrl = (await dossier.SubmitAsync(browser, $"/dossiers/{code}/pay", new Dictionary<string, string>())).Headers.Location!.ToString();
        var gateway = await HtmlPage.GetAsync(browser, gatewayUrl);
        var back = await gateway.SubmitAsync(browser, gatewayUrl, new Dictionary<string, string> { ["outcome"] = outcome, ["delivery"] = delivery, ["code"] = failure });
        return (gatewayUrl["/sandbox-gateway/".Length..], back.Headers.Location!.ToString());
    }
}
