using System.Net;
using PublicServices.Platform.Payments.Protocols.VnPay;

namespace PublicServices.Platform.Tests.Payments;

public sealed class VnPayClientTests
{
    internal static readonly VnPayOptions Options = new()
    {
        TmnCode = "DEMOV210",
        HashSecret = "TESTSECRETTESTSECRETTESTSECRET12",
        PaymentUrl = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
        ReturnUrl = "https://dichvucong.example.vn/payments/vnpay/return",
    };

    internal static VnPayPaymentRequest Request() => new(
        TxnRef: "HS-2026-000123",
        AmountVnd: 15_000,
        OrderInfo: "Thanh toán lệ phí hồ sơ HS-2026-000123 (Đăng ký)!",
        IpAddress: "203.0.113.7",
        CreatedAt: new DateTimeOffset(2026, 11, 24, 8, 30, 15, TimeSpan.Zero));

    internal static List<KeyValuePair<string, string>> QueryOf(string url) =>
        url[(url.IndexOf('?') + 1)..].Split('&').Select(p => p.Split('='))
            .Select(kv => new KeyValuePair<string, string>(WebUtility.UrlDecode(kv[0]), WebUtility.UrlDecode(kv[1]))).ToList();

    [Fact]
    public void Should_send_amount_times_100_dates_in_gmt7_and_plain_order_info()
    {
        var url = new VnPayClient(Options).BuildPaymentUrl(Request());

        var query = QueryOf(url).ToDictionary(p => p.Key, p => p.Value);
        Assert.StartsWith(Options.PaymentUrl + "?", url);
        Assert.Equal("2.1.0", query["vnp_Version"]);
        Assert.Equal("pay", query["vnp_Command"]);
        Assert.Equal("DEMOV210", query["vnp_TmnCode"]);
        Assert.Equal("1500000", query["vnp_Amount"]);
        Assert.Equal("20261124153015", query["vnp_CreateDate"]);
        Assert.Equal("20261124154515", query["vnp_ExpireDate"]);
        Assert.Equal("VND", query["vnp_CurrCode"]);
        Assert.Equal("vn", query["vnp_Locale"]);
        Assert.Equal("HS-2026-000123", query["vnp_TxnRef"]);
        Assert.Equal("Thanh toan le phi ho so HS-2026-000123 Dang ky", query["vnp_OrderInfo"]);
        Assert.Equal("other", query["vnp_OrderType"]);
        Assert.Equal("203.0.113.7", query["vnp_IpAddr"]);
        Assert.Equal(Options.ReturnUrl, query["vnp_ReturnUrl"]);
        Assert.Equal(128, query["vnp_SecureHash"].Length);
    }

    [Fact]
    public void Should_put_keys_in_ordinal_order_so_the_query_is_the_sign_data()
    {
        var url = new VnPayClient(Options).BuildPaymentUrl(Request());

        var keys = QueryOf(url).Select(p => p.Key).Where(k => k != "vnp_SecureHash").ToList();
        Assert.Equal(keys.OrderBy(k => k, StringComparer.Ordinal), keys);
        Assert.Contains("vnp_ReturnUrl=https%3A%2F%2Fdichvucong.example.vn%2Fpayments%2Fvnpay%2Freturn", url);
    }

    [Theory]
    [InlineData("Lệ phí Đường bộ đ Đ", "Le phi Duong bo d D")]
    [InlineData("Ưu tiên ơ ư Ă Â ẫ ỹ", "Uu tien o u A A a y")]
    [InlineData("a~b*c!d'e(f)g", "a b c d e f g")]
    [InlineData("  Phí: 15.000đ / nguyện vọng #1  ", "Phi: 15.000d / nguyen vong #1")]
    public void Should_strip_diacritics_and_pitfall_characters_from_order_info(string input, string expected) =>
        Assert.Equal(expected, VnPayOrderInfo.Sanitize(input));

    [Fact]
    public void Should_cut_order_info_to_255_characters() =>
        Assert.Equal(255, VnPayOrderInfo.Sanitize(new string('a', 300)).Length);

    [Fact]
    public void Should_refuse_a_non_positive_amount() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new VnPayClient(Options).BuildPaymentUrl(Request() with { AmountVnd = 0 }));

    [Theory]
    [InlineData("")]
    [InlineData("HS 1")]
    [InlineData("hồ-sơ")]
    public void Should_refuse_a_txnref_outside_ascii_letters_digits_dash_underscore(string txnRef) =>
        Assert.Throws<ArgumentException>(() => new VnPayClient(Options).BuildPaymentUrl(Request() with { TxnRef = txnRef }));

    [Fact]
    public void Should_refuse_an_unknown_locale() =>
        Assert.Throws<ArgumentException>(() => new VnPayClient(Options).BuildPaymentUrl(Request() with { Locale = "fr" }));

    [Fact]
    public void Should_add_bank_code_only_when_given()
    {
        var client = new VnPayClient(Options);

        Assert.DoesNotContain("vnp_BankCode", client.BuildPaymentUrl(Request()));
        Assert.Contains("vnp_BankCode=VNPAYQR", client.BuildPaymentUrl(Request() with { BankCode = "VNPAYQR" }));
    }
}
