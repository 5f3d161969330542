using PublicServices.Platform.Payments.Protocols.Sandbox;

namespace PublicServices.Platform.Tests.Payments;

public sealed class SandboxNotificationTests
{
    private const string Secret = "sandbox-secret";

    private static SandboxNotification Paid() => new(
        "HS-2026-000123", "SBX20261124000042", 15_000, "VND", SandboxPaymentStatus.Paid, "00",
        new DateTimeOffset(2026, 11, 24, 15, 30, 15, 250, TimeSpan.FromHours(7)));

    [Fact]
    public void Should_sign_the_canonical_string_with_hmac_sha256()
    {
        // Known answer computed independently with Python hmac + urllib.parse.quote_plus over sorted keys.
        var signed = Paid().Sign(Secret);

        Assert.Equal(
            "amountVnd=15000&currency=VND&gatewayTxnId=SBX20261124000042&occurredAt=2026-11-24T08%3A30%3A15.250Z&paymentRef=HS-2026-000123&responseCode=00&status=paid",
            SandboxSigner.BuildCanonical(signed.SignedFields()));
        Assert.Equal("c9ff615efe429b5baa976658dc14dd55c4fec494ede5df0c03aa8efc66dae206", signed.Signature);
        Assert.True(signed.Verify(Secret));
    }

    [Fact]
    public void Should_refuse_a_changed_amount_status_or_secret()
    {
        var signed = Paid().Sign(Secret);

        Assert.False((signed with { AmountVnd = 1_500 }).Verify(Secret));
        Assert.False((signed with { Status = SandboxPaymentStatus.Failed, ResponseCode = "51" }).Verify(Secret));
        Assert.False(signed.Verify("other-secret"));
        Assert.False((signed with { Signature = null }).Verify(Secret));
        Assert.True((signed with { Signature = signed.Signature!.ToUpperInvariant() }).Verify(Secret));
    }

    [Fact]
    public void Should_round_trip_through_a_form_and_still_verify()
    {
        var signed = Paid().Sign(Secret);

        Assert.True(SandboxNotification.TryParseForm(signed.ToForm(), out var back, out var errors), string.Join("; ", errors));

        Assert.True(back!.Verify(Secret));
        Assert.Equal(signed.PaymentRef, back.PaymentRef);
        Assert.Equal(signed.AmountVnd, back.AmountVnd);
        Assert.Equal(signed.OccurredAt, back.OccurredAt);
        Assert.Equal(SandboxPaymentStatus.Paid, back.Status);
    }

    [Fact]
    public void Should_round_trip_through_json_and_still_verify()
    {
        var signed = (Paid() with { Status = SandboxPaymentStatus.Cancelled, ResponseCode = "24" }).Sign(Secret);

        var json = signed.ToJson();

        Assert.Contains("\"amountVnd\":15000", json);
        Assert.Contains("\"status\":\"cancelled\"", json);
        Assert.True(SandboxNotification.TryParseJson(json, out var back, out var errors), string.Join("; ", errors));
        Assert.True(back!.Verify(Secret));
        Assert.Equal(SandboxPaymentStatus.Cancelled, back.Status);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"paymentRef":"x"}""")]
    public void Should_report_bad_json_without_throwing(string json)
    {
        Assert.False(SandboxNotification.TryParseJson(json, out var back, out var errors));
        Assert.Null(back);
        Assert.NotEmpty(errors);
    }

    [Theory]
    [InlineData("amountVnd", "-5")]
    [InlineData("status", "refunded")]
    [InlineData("occurredAt", "yesterday")]
    [InlineData("responseCode", "51")]
    public void Should_report_a_bad_field(string field, string value)
    {
        var form = Paid().Sign(Secret).ToForm().Select(f => f.Key == field ? new KeyValuePair<string, string>(f.Key, value) : f);

        Assert.False(SandboxNotification.TryParseForm(form, out _, out var errors));
        Assert.Single(errors);
    }
}
