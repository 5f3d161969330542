using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Payments.Protocols.VnPay;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Payments;

/// <summary>The portal configured with (test) VNPay merchant settings.</summary>
public sealed class VnPayPortalFactory() : PortalFactory("Development", new Dictionary<string, string?>
{
    ["Payments:VnPay:TmnCode"] = "PSTEST01",
    ["Payments:VnPay:HashSecret"] = VnPayPortalFactory.Secret,
    ["Payments:VnPay:ReturnUrl"] = "http://localhost/payments/vnpay/return",
})
{
    /// <summary>A made-up key for these tests only; real keys come from configuration, never from the repository.</summary>
    public const string Secret = "TESTONLYTESTONLYTESTONLYTESTONLY";
}

/// <summary>VNPay v2.1.0 end to end on our side: the signed payment URL, then IPN calls as VNPay makes them (GET, signed query).</summary>
public sealed class VnPayIpnTests : IClassFixture<VnPayPortalFactory>
{
    private readonly VnPayPortalFactory portal;

    public VnPayIpnTests(VnPayPortalFactory portal) => this.portal = portal;

    private async Task<string> IpnAsync(IEnumerable<KeyValuePair<string, string>> parameters, string? hash = null)
    {
        var list = parameters.ToList();
        hash ??= VnPaySigner.Sign(list, VnPayPortalFactory.Secret);
        var query = string.Join("&", list.Append(new("vnp_SecureHash", hash)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        var response = await portal.CreateClient().GetAsync("/payments/vnpay/ipn?" + query);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["RspCode"]!.GetValue<string>();
    }

    private static List<KeyValuePair<string, string>> Ipn(string reference, long amountVnd, string responseCode = "00", string transactionNo = "14123456") =>
    [
        new("vnp_Amount", (amountVnd * 100).ToString()), new("vnp_BankCode", "NCB"), new("vnp_OrderInfo", "Le phi cap ban sao"),
        new("vnp_PayDate", "20261125103000"), new("vnp_ResponseCode", responseCode), new("vnp_TmnCode", "PSTEST01"),
        new("vnp_TransactionNo", transactionNo), new("vnp_TransactionStatus", responseCode), new("vnp_TxnRef", reference),
    ];

    [Fact]
    public async Task Should_sign_the_payment_url_and_answer_each_ipn_as_vnpay_expects()
    {
        var api = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");
        var code = await TestDossiers.SubmitViaApiAsync(api, "Nguyễn Thị Hồng Nhung", 2025);
        var started = await api.PostAsJsonAsync($"/api/v1/dossiers/{code}/payments", new { provider = "vnpay" });
        var body = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        var reference = body["reference"]!.GetValue<string>();
        var url = new Uri(body["redirectUrl"]!.GetValue<string>());
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
        var signed = query.Where(q => q.Key != "vnp_SecureHash").Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString())).ToList();

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal("sandbox.vnpayment.vn", url.Host);
        Assert.Equal("2000000", query["vnp_Amount"].ToString());
        Assert.Equal(reference, query["vnp_TxnRef"].ToString());
        Assert.True(VnPaySigner.Verify(signed, query["vnp_SecureHash"], VnPayPortalFactory.Secret));

        Assert.Equal("97", await IpnAsync(Ipn(reference, 20000), hash: new string('a', 128)));
        Assert.Equal("04", await IpnAsync(Ipn(reference, 10000)));
        Assert.Equal("01", await IpnAsync(Ipn("NO-SUCH-ORDER", 20000)));
        using (var scope = portal.Services.CreateScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tasks.AnyAsync(t => t.DossierCode == code));
        Assert.Equal("00", await IpnAsync(Ipn(reference, 20000)));
        Assert.Equal("02", await IpnAsync(Ipn(reference, 20000)));
        using var check = portal.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.Tasks.AnyAsync(t => t.DossierCode == code));
        Assert.Equal("14123456", (await db.Payments.SingleAsync(p => p.Reference == reference)).ProviderTxnId);
        Assert.Equal(["already-confirmed", "amount-mismatch", "bad-signature", "confirmed", "unknown-reference"],
            (await db.PaymentEvents.Where(e => e.Provider == "vnpay" && e.Kind == "notification").Select(e => e.Result).ToListAsync()).Order());
    }
}
