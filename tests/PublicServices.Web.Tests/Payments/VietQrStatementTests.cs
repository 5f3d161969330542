using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Payments.Protocols.VietQr;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Payments;

/// <summary>
/// VietQR: the QR payload of an attempt (Development's demo receiving account), then the finance officer's statement
/// import that settles it by the transfer purpose, and the reconciliation that shows what did not fit.
/// </summary>
public sealed class VietQrStatementTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public VietQrStatementTests(PortalFactory portal) => this.portal = portal;

    private static async Task<HtmlPage> UploadAsync(HttpClient finance, string csv)
    {
        var page = await HtmlPage.GetAsync(finance, "/finance/statement");
        var token = page.Document.QuerySelector("form[action='/finance/statement'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "saoke.csv" },
        };
        return await HtmlPage.ParseAsync(await finance.PostAsync("/finance/statement", content));
    }

    [Fact]
    public async Task Should_build_the_qr_settle_it_from_the_statement_once_and_reconcile_the_rest()
    {
        var api = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");
        var code = await TestDossiers.SubmitViaApiAsync(api, "Nguyễn Thị Hồng Nhung", 2025);
        var started = (await (await api.PostAsJsonAsync($"/api/v1/dossiers/{code}/payments", new { provider = "vietqr" })).Content.ReadFromJsonAsync<JsonObject>())!;
        var reference = started["reference"]!.GetValue<string>();
        var qr = VietQrParser.Parse(started["qrPayload"]!.GetValue<string>());
        var applicant = await SignIn.ApplicantAsync(portal, "nguyen.an@example.com");
        var qrPage = await HtmlPage.GetAsync(applicant, started["redirectUrl"]!.GetValue<string>());

        Assert.True(qr.CrcValid);
        Assert.Contains("5405" + "20000", qr.Payload);
        Assert.Contains(reference, qr.Payload);
        Assert.NotNull(qrPage.Document.QuerySelector("[data-testid=qr] svg"));
        Assert.Equal(reference, qrPage.Document.QuerySelector("[data-testid=qr-purpose]")!.TextContent);

        var finance = await SignIn.OfficialAsync(portal, "taichinh@demo.gov.vn");
        var compact = reference.Replace("-", "");
        var statement = $"date,amount,description,transactionId\n25/11/2026,20000,NGUYEN THI HONG NHUNG CK {compact} le phi,FT001\n"
                        + $"25/11/2026,15000,CK {compact} thieu,FT002\n25/11/2026,50000,CHUYEN TIEN AN UONG,FT003\n";
        var first = await UploadAsync(finance, statement);
        var again = await UploadAsync(finance, statement);
        string Result(HtmlPage page, int line) => page.Document.QuerySelector($"[data-testid=statement] tr[data-line='{line}'] [data-col=result]")!.TextContent;

        Assert.Equal("Confirmed", Result(first, 2));
        Assert.Equal("AmountMismatch", Result(first, 3));
        Assert.Equal("unmatched", Result(first, 4));
        Assert.Equal("AlreadyConfirmed", Result(again, 2));
        using (var scope = portal.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tasks.AnyAsync(t => t.DossierCode == code));

        var report = await HtmlPage.GetAsync(finance, "/finance/reconciliation");
        var row = report.Document.QuerySelector("[data-testid=reconciliation] tr[data-provider=vietqr]")!;
        Assert.Equal("1", row.QuerySelector("[data-col=confirmed]")!.TextContent);
        Assert.Equal("2", row.QuerySelector("[data-col=mismatches]")!.TextContent); // the short transfer, in both imports
        Assert.Equal("1", row.QuerySelector("[data-col=duplicates]")!.TextContent); // the second import's good line
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.GetAsync("/finance/reconciliation")).StatusCode);
    }
}
