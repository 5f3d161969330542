using PublicServices.Tests;
using System.Text.Json;
using System.Text.RegularExpressions;
using PublicServices.Platform.Payments.Protocols.VietQr;
using Xunit.Abstractions;

namespace PublicServices.Platform.Tests.Payments;

/// <summary>Every example of ../shared/conformance/vietqr-examples.json, used as it is.</summary>
public sealed partial class VietQrExampleTests(ITestOutputHelper output)
{
    private static readonly string[] Mandatory = ["00", "01", "38", "53", "58", "63"];

    private static JsonElement Load() =>
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Conformance("vietqr-examples.json"))).RootElement;

    [Fact]
    public void Should_agree_with_every_example()
    {
        int run = 0, negatives = 0, foreignSchemes = 0;
        foreach (var example in Load().GetProperty("examples").EnumerateArray())
        {
            var payload = example.GetProperty("payload").GetString()!;
            var crcMatch = example.GetProperty("crc").GetProperty("match").GetBoolean();
            var sourceExpects = example.GetProperty("source_expects").GetString()!;
            var fields = example.GetProperty("fields");
            var problems = example.GetProperty("structure_problems").EnumerateArray().Select(p => p.GetString()!).ToList();

            var result = VietQrParser.Parse(payload);

            // 1. CRC verdict is what the data proves, whatever the source claimed (SOURCE ERROR cases
            //    claim valid but their CRC does not verify; lower-case CRC hex is accepted).
            Assert.True(crcMatch == result.CrcValid, $"CRC verdict for {payload}");
            if (!crcMatch)
                Assert.Contains(result.Errors, e => e.Code == VietQrErrorCode.BadCrc);

            // 2. Decoded tree equals the collector's decoding.
            if (fields.ValueKind != JsonValueKind.Null)
                AssertSameTree(fields, result.Fields, payload);

            // 3. Malformed TLV is reported as the first place where the lengths stop adding up.
            foreach (var problem in problems)
                AssertReports(problem, result);

            var expectInvalid = !crcMatch || problems.Count > 0 || sourceExpects.StartsWith("invalid", StringComparison.Ordinal);
            if (expectInvalid)
            {
                negatives++;
                Assert.False(result.IsValid, payload);
                if (crcMatch && problems.Count == 0)
                    AssertSourceNamedError(sourceExpects, fields, result);
            }
            else if (IsNapas(fields))
            {
                // Source says valid, CRC verifies, structure frames: a real NAPAS VietQR must parse clean.
                // (Warnings are allowed: e.g. the vietqr-ts layout with the service code at 38/01/02.)
                Assert.True(result.IsValid, $"{payload}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
                Assert.Equal(fields.GetProperty("38").GetProperty("01").GetProperty("00").GetString(), result.Bin);
            }
            else
            {
                // Valid EMVCo codes of other schemes (VNPAY-QR A000000775, ShopeePay, EVN, a VNPay wallet
                // code): the CRC and TLV are fine but they are not NAPAS transfers, so our VietQR parser must
                // say exactly which mandatory NAPAS/EMVCo fields are absent or different — nothing else.
                foreignSchemes++;
                Assert.False(result.IsValid);
                var expected = Mandatory.Where(t => !fields.TryGetProperty(t, out _)).Order().ToList();
                Assert.Equal(expected, result.Errors.Where(e => e.Code == VietQrErrorCode.MissingTag).Select(e => e.Path).Order().ToList());
                var pointOfInitiation = fields.GetProperty("01").GetString();
                Assert.All(result.Errors, e => Assert.True(
                    e.Code == VietQrErrorCode.MissingTag
                    || (e.Code == VietQrErrorCode.WrongPointOfInitiation && pointOfInitiation is not ("11" or "12")),
                    e.Message));
            }
            run++;
        }

        output.WriteLine($"VietQR examples: {run} run, {negatives} negatives ({foreignSchemes} valid codes of other schemes reported as not VietQR)");
        Assert.Equal(Load().GetProperty("examples").GetArrayLength(), run);
    }

    [Fact]
    public void Should_reproduce_every_crc_only_vector()
    {
        var root = Load();
        var run = 0;
        Assert.Equal(root.GetProperty("crc_self_check").GetProperty("crc16_ccitt_false").GetString(),
            Crc16CcittFalse.ComputeHex(root.GetProperty("crc_self_check").GetProperty("input").GetString()!));
        foreach (var vector in root.GetProperty("crc_only_vectors").EnumerateArray())
        {
            Assert.Equal(vector.GetProperty("expected_crc").GetString(),
                Crc16CcittFalse.ComputeHex(vector.GetProperty("input_through_6304").GetString()!));
            run++;
        }
        output.WriteLine($"VietQR CRC-only vectors: {run} run");
    }

    private static bool IsNapas(JsonElement fields) =>
        fields.TryGetProperty("38", out var t) && t.ValueKind == JsonValueKind.Object
        && t.TryGetProperty("00", out var g) && g.GetString() == VietQrPayload.NapasGuid;

    /// <summary>"invalid (missing field)" / "invalid (tip rules)": the error the source names, checked against the data.</summary>
    private static void AssertSourceNamedError(string sourceExpects, JsonElement fields, VietQrParseResult result)
    {
        if (sourceExpects.Contains("missing field", StringComparison.Ordinal))
        {
            var absent = Mandatory.Where(t => !fields.TryGetProperty(t, out _)).ToList();
            Assert.NotEmpty(absent);
            foreach (var tag in absent)
                Assert.Contains(result.Errors, e => e.Code == VietQrErrorCode.MissingTag && e.Path == tag);
        }
        else if (sourceExpects.Contains("tip", StringComparison.Ordinal))
        {
            Assert.Contains(result.Errors, e => e.Code == VietQrErrorCode.TipIndicator);
        }
        else
        {
            Assert.Fail($"No rule to check source expectation '{sourceExpects}'");
        }
    }

    private static void AssertReports(string problem, VietQrParseResult result)
    {
        var match = ProblemPattern().Match(problem);
        Assert.True(match.Success, $"Unrecognised structure problem: {problem}");
        var path = match.Groups["where"].Value == "top-level" ? "" : match.Groups["where"].Value.Replace('.', '/');
        var what = match.Groups["what"].Value;
        var code = what switch
        {
            _ when what.StartsWith("truncated header", StringComparison.Ordinal) => VietQrErrorCode.TruncatedHeader,
            _ when what.StartsWith("non-numeric length", StringComparison.Ordinal) => VietQrErrorCode.NonNumericLength,
            _ => VietQrErrorCode.ValueTruncated,
        };
        var error = Assert.Single(result.Errors, e => e.Code == code && e.Path == path);
        if (match.Groups["at"].Success)
            Assert.Equal(int.Parse(match.Groups["at"].Value, System.Globalization.CultureInfo.InvariantCulture), error.Offset);
        if (match.Groups["tag"].Success)
            Assert.Contains($"tag {match.Groups["tag"].Value} ", error.Message, StringComparison.Ordinal);
    }

    private static void AssertSameTree(JsonElement expected, IReadOnlyList<TlvNode> actual, string payload)
    {
        Assert.Equal(expected.EnumerateObject().Select(p => p.Name).Order(), actual.Select(n => n.Tag).Order());
        foreach (var node in actual)
        {
            var want = expected.GetProperty(node.Tag);
            if (want.ValueKind == JsonValueKind.Object)
            {
                Assert.True(node.Children is not null, $"{payload}: tag {node.Tag} should be a template");
                AssertSameTree(want, node.Children!, payload);
            }
            else
            {
                Assert.True(node.Children is null, $"{payload}: tag {node.Tag} should be a plain value");
                Assert.Equal(want.GetString(), node.Value);
            }
        }
    }

    [GeneratedRegex(@"^(?<where>top-level|[0-9.]+) (?:TLV parse failed|not valid TLV): (?<what>value of tag (?<tag>.{2}) shorter than declared length|non-numeric length at byte (?<at>\d+)|truncated header at byte (?<at>\d+))$")]
    private static partial Regex ProblemPattern();
}
