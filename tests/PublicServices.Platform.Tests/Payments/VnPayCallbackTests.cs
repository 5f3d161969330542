using Microsoft.Extensions.Primitives;
using PublicServices.Platform.Payments.Protocols.VnPay;

namespace PublicServices.Platform.Tests.Payments;

public sealed class VnPayCallbackTests
{
    /// <summary>What VNPay sends back for the request of VnPayClientTests, signed as VNPay would sign it.</summary>
    private static List<KeyValuePair<string, string>> GatewayCallback(string responseCode = "00", string amount = "1500000")
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("vnp_Amount", amount),
            new("vnp_BankCode", "NCB"),
            new("vnp_BankTranNo", "VNP14422574"),
            new("vnp_CardType", "ATM"),
            new("vnp_OrderInfo", "Thanh toan le phi ho so HS-2026-000123 Dang ky"),
            new("vnp_PayDate", "20261124153301"),
            new("vnp_ResponseCode", responseCode),
            new("vnp_TmnCode", "DEMOV210"),
            new("vnp_TransactionNo", "14422574"),
            new("vnp_TransactionStatus", responseCode == "00" ? "00" : "02"),
            new("vnp_TxnRef", "HS-2026-000123"),
        };
        fields.Add(new("vnp_SecureHash", VnPaySigner.Sign(fields, VnPayClientTests.Options.HashSecret)));
        return fields;
    }

    [Fact]
    public void Should_verify_its_own_payment_url_read_back_and_refuse_it_with_a_changed_amount()
    {
        var url = new VnPayClient(VnPayClientTests.Options).BuildPaymentUrl(VnPayClientTests.Request());
        var query = VnPayClientTests.QueryOf(url);
        var tampered = query.Select(p => p.Key == "vnp_Amount" ? new KeyValuePair<string, string>(p.Key, "100") : p).ToList();

        var original = VnPayCallback.Parse(query);
        var changed = VnPayCallback.Parse(tampered);

        Assert.True(original.VerifySignature(VnPayClientTests.Options.HashSecret));
        Assert.Equal(15_000, original.AmountVnd);
        Assert.Equal("HS-2026-000123", original.TxnRef);
        Assert.False(changed.VerifySignature(VnPayClientTests.Options.HashSecret));
    }

    [Fact]
    public void Should_type_a_successful_callback()
    {
        var callback = VnPayCallback.Parse(GatewayCallback());

        Assert.True(callback.IsWellFormed);
        Assert.True(callback.VerifySignature(VnPayClientTests.Options.HashSecret));
        Assert.True(callback.IsSuccess);
        Assert.Equal(15_000, callback.AmountVnd);
        Assert.Equal("HS-2026-000123", callback.TxnRef);
        Assert.Equal("14422574", callback.TransactionNo);
        Assert.Equal("NCB", callback.BankCode);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 33, 1, TimeSpan.FromHours(7)), callback.PayDate);
    }

    [Fact]
    public void Should_reject_a_tampered_amount()
    {
        var query = GatewayCallback().Select(p => p.Key == "vnp_Amount" ? new KeyValuePair<string, string>(p.Key, "150000") : p).ToList();

        var callback = VnPayCallback.Parse(query);

        Assert.False(callback.VerifySignature(VnPayClientTests.Options.HashSecret));
        Assert.Equal(VnPayIpnResponse.InvalidChecksum, VnPayIpnResponse.Decide(callback, callback.VerifySignature(VnPayClientTests.Options.HashSecret), 15_000, false));
    }

    [Fact]
    public void Should_accept_upper_case_hex_and_refuse_a_wrong_secret()
    {
        var query = GatewayCallback().Select(p => p.Key == "vnp_SecureHash" ? new KeyValuePair<string, string>(p.Key, p.Value.ToUpperInvariant()) : p).ToList();

        var callback = VnPayCallback.Parse(query);

        Assert.True(callback.VerifySignature(VnPayClientTests.Options.HashSecret));
        Assert.False(callback.VerifySignature("another-secret"));
    }

    [Fact]
    public void Should_report_an_amount_that_is_not_a_multiple_of_100()
    {
        var callback = VnPayCallback.Parse(GatewayCallback(amount: "1500050"));

        Assert.Null(callback.AmountVnd);
        Assert.Contains(callback.Errors, e => e.Contains("multiple of 100", StringComparison.Ordinal));
        Assert.True(callback.VerifySignature(VnPayClientTests.Options.HashSecret));
        Assert.Equal(VnPayIpnResponse.InvalidAmount, VnPayIpnResponse.Decide(callback, true, 15_000, false));
    }

    [Fact]
    public void Should_report_missing_and_repeated_fields_without_throwing()
    {
        var query = new List<KeyValuePair<string, string>> { new("vnp_TxnRef", "a"), new("vnp_TxnRef", "b"), new("vnp_Amount", "abc") };

        var callback = VnPayCallback.Parse(query);

        Assert.False(callback.IsWellFormed);
        Assert.Contains(callback.Errors, e => e.Contains("repeated", StringComparison.Ordinal));
        Assert.Contains(callback.Errors, e => e.Contains("Missing vnp_SecureHash", StringComparison.Ordinal));
        Assert.Contains(callback.Errors, e => e.Contains("not a number", StringComparison.Ordinal));
        Assert.False(callback.VerifySignature(VnPayClientTests.Options.HashSecret));
    }

    [Fact]
    public void Should_read_a_cancelled_payment_as_failure()
    {
        var callback = VnPayCallback.Parse(GatewayCallback(responseCode: "24"));

        Assert.True(callback.VerifySignature(VnPayClientTests.Options.HashSecret));
        Assert.False(callback.IsSuccess);
        Assert.True(callback.IsCancelledByCustomer);
        Assert.Equal("Khách hàng hủy giao dịch", VnPayResponseCodes.Describe("24").Vi);
    }

    [Fact]
    public void Should_verify_a_pitfall_character_signed_by_a_dotnet_encoder()
    {
        // Someone else's encoder left "(" and ")" literal; the HMAC still needs our secret.
        var fields = new List<KeyValuePair<string, string>> { new("vnp_OrderInfo", "Phi (le phi)"), new("vnp_TxnRef", "1") };
        var hash = VnPaySigner.Hmac(VnPaySigner.BuildSignData(fields, VnPayFormEncoding.DotNetWebUtility), "k");

        Assert.NotEqual(hash, VnPaySigner.Sign(fields, "k"));
        Assert.True(VnPaySigner.Verify(fields, hash, "k"));
        Assert.False(VnPaySigner.Verify(fields, hash, "other"));
    }

    [Fact]
    public void Should_read_an_aspnet_query_collection_and_see_repeated_keys()
    {
        var single = GatewayCallback().Select(p => new KeyValuePair<string, StringValues>(p.Key, p.Value)).ToList();
        var repeated = single.Select(p => p.Key == "vnp_Amount" ? new KeyValuePair<string, StringValues>(p.Key, new StringValues(["1500000", "100"])) : p).ToList();

        var ok = VnPayCallback.ParseQuery(single);
        var twice = VnPayCallback.ParseQuery(repeated);

        Assert.True(ok.IsWellFormed);
        Assert.True(ok.VerifySignature(VnPayClientTests.Options.HashSecret));
        Assert.Contains(twice.Errors, e => e.Contains("vnp_Amount is repeated", StringComparison.Ordinal));
    }
}
