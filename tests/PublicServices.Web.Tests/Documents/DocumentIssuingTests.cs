using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Documents.Issuing;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Tests;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Documents;

/// <summary>
/// An official's decision issues the result document through the outbox: numbered in the agency's yearly register,
/// stored with its SHA-256, downloadable by its applicant only, checkable by anyone at /verify/{code}, revocable by the
/// unit's leader.
/// </summary>
public sealed class DocumentIssuingTests : IClassFixture<PortalFactory>
{
    private const string Officer = "so.hanoi@demo.gov.vn";
    private const string Leader = "lanhdao.so@demo.gov.vn";
    private readonly PortalFactory portal;

    public DocumentIssuingTests(PortalFactory portal) => this.portal = portal;

    private Task DrainOutboxAsync() => portal.DrainOutboxAsync();

    private Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query) => portal.QueryAsync(query);

    /// <summary>Submits and pays a dossier, has the officer accept it and lets the outbox issue the copy.</summary>
    private async Task<(string Code, IssuedDocumentRecord Document)> IssueAsync(string applicant, string name)
    {
        var code = (await TestDossiers.SubmitPaidAsync(portal, applicant, 1, name))[0];
        var task = await WithDbAsync(db => db.Tasks.Where(t => t.DossierCode == code).Select(t => t.Id).SingleAsync());
        var officer = await ApiSession.SignInOfficialAsync(portal, Officer);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/tasks/{task}/complete", new
        {
            outcome = "accept",
            fields = new
            {
                school = "Trường THPT Phan Đình Phùng", placeOfBirth = "Quận Ba Đình, thành phố Hà Nội", gender = "female",
                ranking = "good", diplomaNumber = "B 0456789", registerNumber = "0123/2025",
            },
        })).StatusCode);
        await DrainOutboxAsync();
        var document = await WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.DossierCode == code));
        return (code, document);
    }

    [Fact]
    public async Task Should_issue_a_numbered_stored_document_that_only_its_applicant_downloads()
    {
        var (code, document) = await IssueAsync("nguyen.an@example.com", "Nguyễn Thị Hồng Nhung");
        var year = DateTime.UtcNow.AddHours(7).Year;

        Assert.Matches($@"^\d+/{year}/BSVB$", document.Number);
        Assert.Equal(16, document.VerificationCode.Length);
        Assert.Equal("sgd-01", document.AgencyCode);
        Assert.Equal("Nguyễn Thị Hồng Nhung", document.HolderName);
        var instance = await WithDbAsync(db => db.Dossiers.Where(d => d.Code == code).Join(db.Instances, d => d.InstanceId, i => i.Id, (d, i) => i).SingleAsync());
        Assert.Equal("Completed", instance.Status);
        Assert.Equal("approved", instance.Result);

        var applicant = await SignIn.ApplicantAsync(portal, "nguyen.an@example.com");
        var page = await HtmlPage.GetAsync(applicant, $"/dossiers/{code}");
        var listed = page.Document.QuerySelector($"[data-document='{document.Id}']");
        Assert.NotNull(listed);
        Assert.Contains(document.Number, listed!.TextContent);
        var download = await applicant.GetAsync($"/dossiers/{code}/documents/{document.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var pdf = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(document.Sha256, Convert.ToHexStringLower(SHA256.HashData(pdf)));
        Assert.True(document.Signed);
        var signed = Path.Combine(portal.DataPath, "issued-copy.pdf");
        File.WriteAllBytes(signed, pdf);
        var signature = Poppler.Run("pdfsig", [signed]); // the agency's (development) certificate signs every issued document
        Assert.Contains("Signature Validation: Signature is Valid.", signature);
        Assert.Contains("Total document signed", signature);
        var text = Poppler.PdfToText(pdf);
        Assert.Contains("BẢN SAO VĂN BẰNG", text);
        Assert.Contains("Nguyễn Thị Hồng Nhung", text);
        Assert.Contains("Sở Giáo dục và Đào tạo Hà Nội".ToUpperInvariant(), text.ToUpperInvariant());
        Assert.Contains(document.Number, text);
        Assert.Contains(VerificationCodes.Display(document.VerificationCode), text);
        Assert.Contains("Đỗ Minh Sở", text); // signedBy: review → the official who accepted
        Assert.Contains("15/03/2007", text); // the ISO date of birth printed dd/MM/yyyy
        Assert.Contains("B 0456789", text); // transcribed by the official with the decision
        Assert.Contains("Quận Ba Đình, thành phố Hà Nội", text);
        Assert.Contains("Khá", text); // a select the official chose prints its name, not "good"
        Assert.DoesNotContain("good", text);

        var stranger = await SignIn.ApplicantAsync(portal, "tran.binh@example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/dossiers/{code}/documents/{document.Id}")).StatusCode);
        var api = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");
        var viaApi = await api.GetAsync($"/api/v1/dossiers/{code}/documents/{document.Id}");
        Assert.Equal(pdf, await viaApi.Content.ReadAsByteArrayAsync());
        var strangerApi = await ApiSession.SignInAsync(portal, "tran.binh@example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await strangerApi.GetAsync($"/api/v1/dossiers/{code}/documents/{document.Id}")).StatusCode);
    }

    [Fact]
    public async Task Should_issue_once_when_the_outbox_redelivers_and_number_documents_densely()
    {
        var (_, first) = await IssueAsync("nguyen.an@example.com", "Lê Văn Cường");
        var (_, second) = await IssueAsync("nguyen.an@example.com", "Phạm Thị Dung");
        await WithDbAsync(db => db.Outbox.Where(m => m.Kind == WorkflowEngine.DocumentOutboxKind)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, OutboxStatus.Pending)));
        await DrainOutboxAsync();

        Assert.Equal(1, await WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.BookmarkId == first.BookmarkId)));
        Assert.Equal(int.Parse(first.Number.Split('/')[0]) + 1, int.Parse(second.Number.Split('/')[0]));
        var year = DateTime.UtcNow.AddHours(7).Year;
        var last = await WithDbAsync(db => db.Sequences.Where(s => s.Scope == $"document:sgd-01:{year}").Select(s => s.Last).SingleAsync());
        Assert.Equal(await WithDbAsync(db => db.IssuedDocuments.LongCountAsync(d => d.AgencyCode == "sgd-01")), last);
    }

    [Fact]
    public async Task Should_verify_genuine_unknown_and_revoked_codes_and_compare_an_uploaded_file()
    {
        var (code, document) = await IssueAsync("tran.binh@example.com", "Nguyễn Thị Hồng Nhung");
        var display = VerificationCodes.Display(document.VerificationCode);
        var anonymous = portal.Browser();

        var genuine = await HtmlPage.GetAsync(anonymous, $"/verify/{display.ToLowerInvariant().Replace("-", " ")}");
        Assert.Equal(HttpStatusCode.OK, genuine.Status);
        Assert.Equal("valid", genuine.Document.QuerySelector("[data-testid=verify-result]")!.GetAttribute("data-status"));
        Assert.Equal(document.Number, genuine.Document.QuerySelector("[data-testid=number]")!.TextContent);
        Assert.Equal("Nguyễn T** H*** N****", genuine.Document.QuerySelector("[data-testid=holder]")!.TextContent);
        Assert.DoesNotContain(code, genuine.Text); // the dossier code is not public

        var applicant = await SignIn.ApplicantAsync(portal, "tran.binh@example.com");
        var pdf = await applicant.GetByteArrayAsync($"/dossiers/{code}/documents/{document.Id}");
        Assert.Equal("Same", await CompareAsync(anonymous, genuine, display, pdf));
        var altered = (byte[])pdf.Clone();
        altered[altered.Length / 2] ^= 1;
        Assert.Equal("Different", await CompareAsync(anonymous, genuine, display, altered));

        var unknown = await HtmlPage.GetAsync(anonymous, $"/verify/{VerificationCodes.Display(VerificationCodes.New())}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("unknown", unknown.Document.QuerySelector("[data-testid=verify-result]")!.GetAttribute("data-status"));
        var malformed = await HtmlPage.GetAsync(anonymous, "/verify?code=12345");
        Assert.Equal("malformed", malformed.Document.QuerySelector("[data-testid=verify-result]")!.GetAttribute("data-status"));

        // Only the issuing unit's leader revokes; an officer (not a leader) and another unit see nothing.
        var officer = await SignIn.OfficialAsync(portal, Officer);
        var register = await HtmlPage.GetAsync(officer, "/work/documents?q=" + Uri.EscapeDataString(document.Number));
        Assert.NotNull(register.Document.QuerySelector($"[data-document='{document.Id}']"));
        Assert.Null(register.Document.QuerySelector($"form[action='/work/documents/{document.Id}/revoke']"));
        var leader = await SignIn.OfficialAsync(portal, Leader);
        var leaderPage = await HtmlPage.GetAsync(leader, "/work/documents?q=" + display);
        var officerTry = await OfficerRevokeAsync(officer, leaderPage, document.Id);
        Assert.Equal(HttpStatusCode.NotFound, officerTry.StatusCode);
        var noReason = await leaderPage.SubmitAsync(leader, $"/work/documents/{document.Id}/revoke", new Dictionary<string, string> { ["reason"] = " " });
        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        Assert.Equal(IssuedDocumentStatus.Valid, await WithDbAsync(db => db.IssuedDocuments.Where(d => d.Id == document.Id).Select(d => d.Status).SingleAsync()));
        var revoked = await leaderPage.SubmitAsync(leader, $"/work/documents/{document.Id}/revoke",
            new Dictionary<string, string> { ["reason"] = "Cấp nhầm người, đã cấp lại bản đúng." });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        var after = await HtmlPage.GetAsync(anonymous, $"/verify/{display}");
        Assert.Equal("revoked", after.Document.QuerySelector("[data-testid=verify-result]")!.GetAttribute("data-status"));
        Assert.Equal("Cấp nhầm người, đã cấp lại bản đúng.", after.Document.QuerySelector("[data-testid=revoked-reason]")!.TextContent);
        var json = await anonymous.GetFromJsonAsync<JsonObject>($"/api/v1/verify/{display}");
        Assert.Equal("revoked", json!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/verify/{VerificationCodes.Display(VerificationCodes.New())}")).StatusCode);
        Assert.Contains("document.revoke", await WithDbAsync(db => db.Audit.Select(a => a.Action).ToListAsync()));
    }

    private static async Task<string?> CompareAsync(HttpClient client, HtmlPage page, string display, byte[] file)
    {
        var token = page.Document.QuerySelector($"form[action='/verify/{display}'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", "van-ban.pdf" },
        };
        var result = await HtmlPage.ParseAsync(await client.PostAsync($"/verify/{display}", form));
        return result.Document.QuerySelector("[data-testid=compare-result]")?.GetAttribute("data-result");
    }

    /// <summary>An officer who is not a leader posts a revocation directly (the page offers no form to them).</summary>
    private static async Task<HttpResponseMessage> OfficerRevokeAsync(HttpClient officer, HtmlPage anyPageOfOfficer, Guid id)
    {
        var own = await HtmlPage.GetAsync(officer, "/work/documents");
        var token = own.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? anyPageOfOfficer.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await officer.PostAsync($"/work/documents/{id}/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["reason"] = "Thử thu hồi",
        }));
    }
}
