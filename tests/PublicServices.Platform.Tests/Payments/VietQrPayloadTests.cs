using PublicServices.Tests;
using System.Text.Json;
using PublicServices.Platform.Payments.Protocols.VietQr;
using Xunit.Abstractions;

namespace PublicServices.Platform.Tests.Payments;

public sealed class VietQrPayloadTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_build_the_documented_napas_dynamic_example()
    {
        // Example 0 of vietqr-examples.json (subiz/vietqr README), byte for byte.
        var payload = VietQrPayload.Build("970415", "0011001932418", 120_000, "ung ho lu lut");

        Assert.Equal("00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C", payload);
    }

    [Fact]
    public void Should_build_byte_for_byte_every_example_in_our_layout()
    {
        // Every valid NAPAS example whose tags are exactly what we emit, in our order (00 01 38 53 [54] 58
        // [62{08}] 63, with 01 = 12 iff an amount is present) must come out of Build identical.
        var root = JsonDocument.Parse(File.ReadAllText(RepoPaths.Conformance("vietqr-examples.json"))).RootElement;
        var compared = 0;
        foreach (var example in root.GetProperty("examples").EnumerateArray())
        {
            var payload = example.GetProperty("payload").GetString()!;
            var parsed = VietQrParser.Parse(payload);
            if (!parsed.IsValid || parsed.Warnings.Count > 0 || parsed.ServiceCode is not ("QRIBFTTA" or "QRIBFTTC"))
                continue;
            var extra62 = parsed.Field("62")?.Children?.Any(c => c.Tag != "08") ?? false;
            var tags = string.Join(",", parsed.Fields.Select(f => f.Tag));
            var ourTags = "00,01,38,53" + (parsed.AmountVnd is null ? "" : ",54") + ",58" + (parsed.Purpose is null ? "" : ",62") + ",63";
            var ourInitiation = parsed.AmountVnd is null ? "11" : "12";
            if (extra62 || tags != ourTags || parsed.PointOfInitiation != ourInitiation || parsed.CrcInPayload != parsed.CrcComputed)
                continue;

            var service = parsed.ServiceCode == "QRIBFTTC" ? VietQrService.ToCard : VietQrService.ToAccount;
            Assert.Equal(payload, VietQrPayload.Build(parsed.Bin!, parsed.Account!, parsed.AmountVnd, parsed.Purpose, service));
            compared++;
        }

        output.WriteLine($"VietQR examples rebuilt byte for byte: {compared}");
        Assert.True(compared >= 15, $"only {compared} examples compared");
    }

    [Theory]
    [InlineData(15_000L, "HS2026000123")]
    [InlineData(1L, "A")]
    [InlineData(9_999_999_999_999L, "Le phi ho so: 25 ky tu ok")]
    [InlineData(250_000L, null)]
    [InlineData(null, "PAY-REF-7")]
    [InlineData(null, null)]
    public void Should_round_trip_amount_and_purpose(long? amount, string? purpose)
    {
        var payload = VietQrPayload.Build("970436", "1017595600", amount, purpose);

        var parsed = VietQrParser.Parse(payload);

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        Assert.Empty(parsed.Warnings);
        Assert.Equal(amount, parsed.AmountVnd);
        Assert.Equal(purpose, parsed.Purpose);
        Assert.Equal(amount is not null, parsed.IsDynamic);
        Assert.Equal("970436", parsed.Bin);
        Assert.Equal("1017595600", parsed.Account);
        Assert.Equal("QRIBFTTA", parsed.ServiceCode);
        Assert.Matches("^[0-9A-F]{4}$", parsed.CrcInPayload);
    }

    [Fact]
    public void Should_use_qribfttc_for_a_card()
    {
        var parsed = VietQrParser.Parse(VietQrPayload.Build("970403", "9704031101234567", 180_000, "thanh toan don hang", VietQrService.ToCard));

        Assert.True(parsed.IsValid);
        Assert.Equal("QRIBFTTC", parsed.ServiceCode);
    }

    [Theory]
    [InlineData("Thanh toán")]
    [InlineData("12345678901234567890123456")]
    [InlineData("tab\there")]
    public void Should_refuse_a_purpose_that_is_not_short_printable_ascii(string purpose) =>
        Assert.Throws<ArgumentException>(() => VietQrPayload.Build("970436", "1017595600", 15_000, purpose));

    [Theory]
    [InlineData("97043", "1017595600")]
    [InlineData("97043A", "1017595600")]
    [InlineData("970436", "")]
    [InlineData("970436", "12345678901234567890")]
    [InlineData("970436", "1017 595600")]
    public void Should_refuse_a_bad_bin_or_account(string bin, string account) =>
        Assert.Throws<ArgumentException>(() => VietQrPayload.Build(bin, account, 15_000, "x"));

    [Fact]
    public void Should_refuse_a_non_positive_amount() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VietQrPayload.Build("970436", "1017595600", 0, "x"));
}
