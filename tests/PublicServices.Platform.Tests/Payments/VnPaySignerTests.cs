using PublicServices.Platform.Payments.Protocols.VnPay;

namespace PublicServices.Platform.Tests.Payments;

public sealed class VnPaySignerTests
{
    [Fact]
    public void Should_drop_empty_values_and_the_hash_fields_and_sort_ordinally()
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("vnp_TxnRef", "1"), new("vnp_BankCode", ""), new("vnp_SecureHash", "abc"),
            new("vnp_SecureHashType", "HmacSHA512"), new("vnp_Amount", "100"), new("vnp_amount", "lower"),
        };

        // Ordinal: upper-case 'A' (0x41) sorts before lower-case 'a' (0x61); a culture sort would not.
        Assert.Equal("vnp_Amount=100&vnp_TxnRef=1&vnp_amount=lower", VnPaySigner.BuildSignData(fields));
    }

    [Theory]
    [InlineData("")]
    [InlineData("zz")]
    [InlineData(null)]
    public void Should_refuse_a_malformed_hash_without_throwing(string? hash) =>
        Assert.False(VnPaySigner.Verify([new("vnp_TxnRef", "1")], hash, "k"));
}
