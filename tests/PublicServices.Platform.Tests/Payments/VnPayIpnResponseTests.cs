using PublicServices.Platform.Payments.Protocols.VnPay;

namespace PublicServices.Platform.Tests.Payments;

public sealed class VnPayIpnResponseTests
{
    [Fact]
    public void Should_serialize_exactly_as_vnpay_expects()
    {
        Assert.Equal("""{"RspCode":"00","Message":"Confirm Success"}""", VnPayIpnResponse.ConfirmSuccess.ToJson());
        Assert.Equal("""{"RspCode":"97","Message":"Invalid signature"}""", VnPayIpnResponse.InvalidChecksum.ToJson());
    }

    [Fact]
    public void Should_use_the_six_ipn_codes()
    {
        var codes = new[]
        {
            VnPayIpnResponse.ConfirmSuccess, VnPayIpnResponse.OrderNotFound, VnPayIpnResponse.AlreadyConfirmed,
            VnPayIpnResponse.InvalidAmount, VnPayIpnResponse.InvalidChecksum, VnPayIpnResponse.UnknownError,
        }.Select(r => r.RspCode);

        Assert.Equal(["00", "01", "02", "04", "97", "99"], codes);
    }

    [Fact]
    public void Should_check_in_the_order_of_the_official_demo()
    {
        var paid = VnPayCallback.Parse(
        [
            new("vnp_TxnRef", "A1"), new("vnp_Amount", "1500000"), new("vnp_ResponseCode", "00"),
            new("vnp_TransactionStatus", "00"), new("vnp_SecureHash", new string('0', 128)),
        ]);

        Assert.Equal("97", VnPayIpnResponse.Decide(paid, signatureValid: false, 15_000, alreadyConfirmed: true).RspCode);
        Assert.Equal("01", VnPayIpnResponse.Decide(paid, true, expectedAmountVnd: null, alreadyConfirmed: true).RspCode);
        Assert.Equal("04", VnPayIpnResponse.Decide(paid, true, 20_000, alreadyConfirmed: true).RspCode);
        Assert.Equal("02", VnPayIpnResponse.Decide(paid, true, 15_000, alreadyConfirmed: true).RspCode);
        Assert.Equal("00", VnPayIpnResponse.Decide(paid, true, 15_000, alreadyConfirmed: false).RspCode);
    }

    [Fact]
    public void Should_describe_the_common_response_codes_in_both_languages()
    {
        foreach (var code in new[] { "00", "07", "09", "10", "11", "12", "13", "24", "51", "65", "75", "79", "99" })
        {
            var (vi, en) = VnPayResponseCodes.Describe(code);
            Assert.False(string.IsNullOrWhiteSpace(vi));
            Assert.False(string.IsNullOrWhiteSpace(en));
        }
        Assert.Contains("42", VnPayResponseCodes.Describe("42").En);
        Assert.False(VnPayResponseCodes.IsSuccess("24"));
    }
}
