using PublicServices.Platform.Payments.Protocols.VnPay;

namespace PublicServices.Platform.Tests.Payments;

public sealed class VnPayFormEncoderTests
{
    [Theory]
    [InlineData("a b", "a+b")]
    [InlineData("https://x.vn/r?a=1", "https%3A%2F%2Fx.vn%2Fr%3Fa%3D1")]
    [InlineData("đơn", "%C4%91%C6%A1n")]
    [InlineData("-_.", "-_.")]
    [InlineData("~*!'()", "%7E%2A%21%27%28%29")]
    public void Should_encode_like_php_urlencode(string value, string expected) =>
        Assert.Equal(expected, VnPayFormEncoder.Encode(value));

    [Theory]
    [InlineData(VnPayFormEncoding.WhatwgForm, "%7E*%21%27%28%29")]
    [InlineData(VnPayFormEncoding.DotNetWebUtility, "%7E*!%27()")]
    [InlineData(VnPayFormEncoding.EncodeUriComponent, "~*!'()")]
    public void Should_reproduce_the_other_encoders_on_the_pitfall_characters(VnPayFormEncoding encoding, string expected) =>
        Assert.Equal(expected, VnPayFormEncoder.Encode(VnPayFormEncoder.PitfallCharacters, encoding));

    [Fact]
    public void Should_agree_with_dotnet_webutility_outside_the_pitfalls()
    {
        var sample = "Thanh toán hồ sơ #12: phí 15.000đ/nguyện vọng, mã A_b-c";
        Assert.Equal(System.Net.WebUtility.UrlEncode(sample), VnPayFormEncoder.Encode(sample));
    }
}
