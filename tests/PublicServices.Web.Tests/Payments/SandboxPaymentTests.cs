using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Payments;
using PublicServices.Platform.Payments.Protocols.Sandbox;
using PublicServices.Platform.Payments.Sandbox;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Payments;

/// <summary>
/// The fee of the demo procedure (20,000 VND per copy) paid through the built-in sandbox gateway, over HTTP, with the
/// clock and the delivery of the gateway's notifications under the test's control.
/// </summary>
public sealed class SandboxPaymentTests : IClassFixture<ClockedPortalFactory>
{
    private readonly ClockedPortalFactory portal;

    public SandboxPaymentTests(ClockedPortalFactory portal) => this.portal = portal;

    private async Task<(HttpClient Browser, string Code)> SubmittedAsync()
    {
        var api = await ApiSession.SignInAsync(portal, "tran.binh@example.com");
        var code = await TestDossiers.SubmitViaApiAsync(api);
        return (await SignIn.ApplicantAsync(portal, "tran.binh@example.com"), code);
    }

    private static Task<(string Reference, string ReturnUrl)> PayAsync(HttpClient browser, string code, string outcome, string delivery = "once", string failure = "51") =>
        SandboxPay.PayAsync(browser, code, outcome, delivery, failure);

    private async Task DeliverAsync()
    {
        using var scope = portal.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessDueAsync("test", CancellationToken.None);
    }

    private async Task<T> InDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = portal.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<bool> AtReviewAsync(string code) => InDbAsync(db => db.Tasks.AnyAsync(t => t.DossierCode == code));

    [Fact]
    public async Task Should_move_the_dossier_on_only_when_the_gateway_notifies_and_give_a_receipt()
    {
        var (browser, code) = await SubmittedAsync();
        Assert.Equal("20.000 ₫", (await HtmlPage.GetAsync(browser, $"/dossiers/{code}")).Document.QuerySelector("[data-testid=fee]")!.TextContent.Trim());

        var (reference, returnUrl) = await PayAsync(browser, code, "pay");
        var beforeNotification = await HtmlPage.GetAsync(browser, returnUrl);
        var stillWaiting = !await AtReviewAsync(code);
        await DeliverAsync();
        var afterNotification = await HtmlPage.GetAsync(browser, returnUrl);
        var receipt = await HtmlPage.GetAsync(browser, $"/dossiers/{code}/payments/{reference}/receipt");

        Assert.Contains("chờ xác nhận", beforeNotification.Document.QuerySelector("[data-testid=payment-status]")!.TextContent);
        Assert.True(stillWaiting); // the browser's return alone changed nothing
        Assert.Contains("Đã nhận 20.000 ₫", afterNotification.Document.QuerySelector("[data-testid=payment-status]")!.TextContent);
        Assert.True(await AtReviewAsync(code));
        Assert.Equal("20.000 ₫", receipt.Document.QuerySelector("[data-testid=receipt-amount]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Should_let_the_applicant_pay_again_after_a_cancelled_and_a_failed_attempt()
    {
        var (browser, code) = await SubmittedAsync();

        var (cancelled, _) = await PayAsync(browser, code, "cancel");
        await DeliverAsync();
        var (failed, failedReturn) = await PayAsync(browser, code, "fail", failure: "51");
        await DeliverAsync();
        var notPaid = await HtmlPage.GetAsync(browser, failedReturn);
        var (paid, _) = await PayAsync(browser, code, "pay");
        await DeliverAsync();

        var statuses = await InDbAsync(db => db.Payments.Where(p => p.DossierCode == code).ToDictionaryAsync(p => p.Reference, p => (p.Status, p.ResponseCode)));
        Assert.Equal((PaymentStatus.Cancelled, "24"), statuses[cancelled]);
        Assert.Equal((PaymentStatus.Failed, "51"), statuses[failed]);
        Assert.Equal((PaymentStatus.Paid, "00"), statuses[paid]);
        Assert.Contains("chưa thành công", notPaid.Document.QuerySelector("[data-testid=payment-status]")!.TextContent);
        Assert.True(await AtReviewAsync(code));
    }

    [Fact]
    public async Task Should_credit_a_duplicated_notification_once()
    {
        var (browser, code) = await SubmittedAsync();

        var (reference, _) = await PayAsync(browser, code, "pay", delivery: "twice");
        await DeliverAsync();

        var results = await InDbAsync(db => db.PaymentEvents.Where(e => e.Reference == reference && e.Kind == "notification").Select(e => e.Result).ToListAsync());
        Assert.Equal(["already-confirmed", "confirmed"], results.Order());
        Assert.Equal(1, await InDbAsync(db => db.Journal.CountAsync(j => j.StepId == "pay" && j.Outcome == "paid"
            && db.Dossiers.Any(d => d.Code == code && d.InstanceId == j.InstanceId))));
    }

    [Fact]
    public async Task Should_refuse_forged_and_wrong_amount_notifications_and_change_nothing()
    {
        var (browser, code) = await SubmittedAsync();
        var (reference, _) = await PayAsync(browser, code, "pay", delivery: "never");
        var secret = portal.Services.GetRequiredService<SandboxOptions>().Secret;
        var genuine = new SandboxNotification(reference, "SBX-FORGED-1", 20000, "VND", SandboxPaymentStatus.Paid, "00", portal.Clock.GetUtcNow());
        async Task<string> PostAsync(SandboxNotification notification)
        {
            var response = await portal.CreateClient().PostAsync("/payments/sandbox/notify", new FormUrlEncodedContent(notification.ToForm()));
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["rspCode"]!.GetValue<string>();
        }

        var forged = await PostAsync(genuine.Sign("not-the-gateway-secret-not-the-gateway-secret"));
        var wrongAmount = await PostAsync((genuine with { AmountVnd = 2000 }).Sign(secret));
        var unknown = await PostAsync((genuine with { PaymentRef = "NO-SUCH-REF" }).Sign(secret));

        Assert.Equal("97", forged);
        Assert.Equal("04", wrongAmount);
        Assert.Equal("01", unknown);
        Assert.Equal(PaymentStatus.Pending, await InDbAsync(db => db.Payments.Where(p => p.Reference == reference).Select(p => p.Status).SingleAsync()));
        Assert.False(await AtReviewAsync(code));
        Assert.Equal("00", await PostAsync(genuine.Sign(secret)));
        Assert.True(await AtReviewAsync(code));
    }

    [Fact]
    public async Task Should_mop_up_abandoned_attempts_and_flag_money_that_arrives_after_the_fee_expired()
    {
        var (browser, code) = await SubmittedAsync();
        var (settledQuietly, _) = await PayAsync(browser, code, "pay", delivery: "never");
        var (browser2, code2) = await SubmittedAsync();
        var dossierPage = await HtmlPage.GetAsync(browser2, $"/dossiers/{code2}");
        var abandoned = (await dossierPage.SubmitAsync(browser2, $"/dossiers/{code2}/pay", new Dictionary<string, string>())).Headers.Location!.ToString()["/sandbox-gateway/".Length..];

        portal.Clock.Advance(TimeSpan.FromMinutes(16));
        using (var scope = portal.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<PaymentService>().ExpireStaleAsync(100, CancellationToken.None);

        Assert.Equal(PaymentStatus.Paid, await InDbAsync(db => db.Payments.Where(p => p.Reference == settledQuietly).Select(p => p.Status).SingleAsync()));
        Assert.True(await AtReviewAsync(code)); // the gateway had settled it: the mop-up asked and credited it
        Assert.Equal(PaymentStatus.Expired, await InDbAsync(db => db.Payments.Where(p => p.Reference == abandoned).Select(p => p.Status).SingleAsync()));

        // The fee of the second dossier expires (24 hours): the timer ends the wait; money arriving later is flagged, never credited.
        await PayAsync(browser2, code2, "pay", delivery: "late");
        portal.Clock.Advance(TimeSpan.FromHours(25));
        using (var scope = portal.Services.CreateScope())
            await scope.ServiceProvider.GetServices<IBackgroundWork>().OfType<TimerWork>().Single().RunOnceAsync("test", CancellationToken.None);
        await DeliverAsync();

        var late = await InDbAsync(db => db.Payments.Where(p => p.DossierCode == code2).OrderBy(p => p.CreatedAt).ToListAsync());
        Assert.Equal("cancelled", await InDbAsync(db => (from d in db.Dossiers join i in db.Instances on d.InstanceId equals i.Id where d.Code == code2 select i.Result).SingleAsync()));
        Assert.Contains("refund", late[^1].Flag);
        Assert.NotEqual(PaymentStatus.Paid, late[^1].Status);
        Assert.False(await AtReviewAsync(code2));
    }

    [Fact]
    public async Task Should_answer_404_for_another_applicants_fee_and_400_for_an_unknown_gateway_choice()
    {
        var (browser, code) = await SubmittedAsync();
        var stranger = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");
        var strangerBrowser = await SignIn.ApplicantAsync(portal, "nguyen.an@example.com");
        var ownPage = await HtmlPage.GetAsync(strangerBrowser, "/dossiers");

        var viaApi = await stranger.PostAsJsonAsync($"/api/v1/dossiers/{code}/payments", new { provider = "sandbox" });
        var token = ownPage.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        var viaWeb = await strangerBrowser.PostAsync($"/dossiers/{code}/pay", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token ?? ""), new("provider", "sandbox")]));
        var dossier = await HtmlPage.GetAsync(browser, $"/dossiers/{code}");
        var gatewayUrl = (await dossier.SubmitAsync(browser, $"/dossiers/{code}/pay", new Dictionary<string, string>())).Headers.Location!.ToString();
        var gateway = await HtmlPage.GetAsync(browser, gatewayUrl);
        var unknown = await gateway.SubmitAsync(browser, gatewayUrl, new Dictionary<string, string> { ["outcome"] = "refund-me", ["delivery"] = "once" });
        var badDelivery = await gateway.SubmitAsync(browser, gatewayUrl, new Dictionary<string, string> { ["outcome"] = "pay", ["delivery"] = "7" });

        Assert.Equal(HttpStatusCode.NotFound, viaApi.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaWeb.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDelivery.StatusCode);
        Assert.Equal(1, await InDbAsync(db => db.Payments.CountAsync(p => p.DossierCode == code)));
        Assert.Equal("open", await InDbAsync(db => db.Set<SandboxGatewayRecord>().Where(g => g.Reference == gatewayUrl.Substring("/sandbox-gateway/".Length)).Select(g => g.Status).SingleAsync()));
    }
}
