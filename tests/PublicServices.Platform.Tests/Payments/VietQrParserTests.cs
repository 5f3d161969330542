using PublicServices.Platform.Payments.Protocols.VietQr;

namespace PublicServices.Platform.Tests.Payments;

/// <summary>Errors that the conformance file does not exercise, on payloads we build and then break (CRC fixed up).</summary>
public sealed class VietQrParserTests
{
    private static string Valid => VietQrPayload.Build("970436", "1017595600", 15_000, "HS2026000123");

    /// <summary>Replaces one piece of the body and recomputes the CRC, so only the intended problem remains.</summary>
    private static string WithCrc(string body) => body + Crc16CcittFalse.ComputeHex(body);

    private static string Body(string payload) => payload[..^4];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("000201")]
    [InlineData("not a qr code at all")]
    [InlineData("6304")]
    public void Should_report_garbage_without_throwing(string? payload)
    {
        var result = VietQrParser.Parse(payload);

        Assert.False(result.IsValid);
        Assert.False(result.CrcValid);
        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void Should_report_a_wrong_guid()
    {
        var result = VietQrParser.Parse(WithCrc(Body(Valid).Replace("A000000727", "A000000775", StringComparison.Ordinal)));

        Assert.True(result.CrcValid);
        Assert.Equal(VietQrErrorCode.WrongGuid, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Should_report_wrong_currency_and_country()
    {
        var body = Body(Valid).Replace("5303704", "5303840", StringComparison.Ordinal).Replace("5802VN", "5802US", StringComparison.Ordinal);

        var result = VietQrParser.Parse(WithCrc(body));

        Assert.Equal([VietQrErrorCode.WrongCurrency, VietQrErrorCode.WrongCountry], result.Errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData("540515000", "540715000.5")]
    [InlineData("540515000", "5405-1500")]
    [InlineData("540515000", "540501500")]
    public void Should_report_a_malformed_amount(string from, string to)
    {
        var result = VietQrParser.Parse(WithCrc(Body(Valid).Replace(from, to, StringComparison.Ordinal)));

        Assert.Equal(VietQrErrorCode.AmountFormat, Assert.Single(result.Errors).Code);
        Assert.Null(result.AmountVnd);
    }

    [Fact]
    public void Should_report_a_non_numeric_length_at_its_offset()
    {
        var result = VietQrParser.Parse(WithCrc("00020101021253X3704" + "6304"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(VietQrErrorCode.NonNumericLength, error.Code);
        Assert.Equal(12, error.Offset);
    }

    [Fact]
    public void Should_report_a_duplicate_tag()
    {
        var result = VietQrParser.Parse(WithCrc(Body(Valid).Replace("5802VN", "5802VN5802VN", StringComparison.Ordinal)));

        Assert.Equal(VietQrErrorCode.DuplicateTag, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Should_report_a_bad_crc_and_accept_lower_case_hex()
    {
        var valid = Valid;

        Assert.True(VietQrParser.Parse(valid[..^4] + valid[^4..].ToLowerInvariant()).IsValid);
        Assert.Equal(VietQrErrorCode.BadCrc, Assert.Single(VietQrParser.Parse(valid[..^1] + (valid[^1] == '0' ? '1' : '0')).Errors).Code);
    }

    [Fact]
    public void Should_report_a_missing_service_code_and_an_unknown_one()
    {
        var missing = VietQrParser.Parse(WithCrc(Body(Valid).Replace("38540010A00000072701240006970436011010175956000208QRIBFTTA", "38420010A0000007270124000697043601101017595600", StringComparison.Ordinal)));
        var unknown = VietQrParser.Parse(WithCrc(Body(Valid).Replace("QRIBFTTA", "QRIBFTTX", StringComparison.Ordinal)));

        Assert.Contains(missing.Errors, e => e.Code == VietQrErrorCode.MissingTag && e.Path == "38/02");
        Assert.Equal(VietQrErrorCode.UnknownService, Assert.Single(unknown.Errors).Code);
    }

    [Fact]
    public void Should_check_tags_only_after_the_lengths_frame()
    {
        var result = VietQrParser.Parse(WithCrc(Body(Valid).Replace("5802VN", "5802VNA102xy", StringComparison.Ordinal)));

        var error = Assert.Single(result.Errors);
        Assert.Equal(VietQrErrorCode.InvalidTag, error.Code);
        Assert.Equal("A1", error.Path);
    }
}
