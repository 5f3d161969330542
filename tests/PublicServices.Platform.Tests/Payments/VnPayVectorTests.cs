using PublicServices.Tests;
using System.Text.Json;
using PublicServices.Platform.Payments.Protocols.VnPay;
using Xunit.Abstractions;

namespace PublicServices.Platform.Tests.Payments;

/// <summary>Every vector of ../shared/conformance/vnpay-vectors.json, used as it is.</summary>
public sealed class VnPayVectorTests(ITestOutputHelper output)
{
    private static JsonElement Load() =>
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Conformance("vnpay-vectors.json"))).RootElement;

    private static List<KeyValuePair<string, string>> Params(JsonElement vector) =>
        vector.GetProperty("params").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList();

    [Fact]
    public void Should_reproduce_every_conformance_vector()
    {
        var root = Load();
        var run = 0;
        foreach (var vector in root.GetProperty("vectors").EnumerateArray())
        {
            var id = vector.GetProperty("id").GetString();
            var secret = vector.GetProperty("hash_secret").GetString()!;
            var signData = vector.GetProperty("sign_data").GetString()!;
            var hash = vector.GetProperty("vnp_SecureHash").GetString()!;
            var matches = vector.GetProperty("matches").GetBoolean();
            var kind = vector.GetProperty("kind").GetString()!;

            if (vector.GetProperty("params").ValueKind == JsonValueKind.Null)
            {
                // HMAC primitive: no parameters, only the message.
                Assert.Equal(hash, VnPaySigner.Hmac(signData, secret));
            }
            else if (kind.StartsWith("LEGACY", StringComparison.Ordinal))
            {
                // v2.0.x: MD5(secret + raw query); the params hold OrderInfo still percent-encoded, hashed as given.
                Assert.Equal(signData, VnPayLegacySigner.BuildSignData(Params(vector)));
                Assert.Equal(hash, VnPayLegacySigner.Hash(Params(vector), secret, "MD5"));
                Assert.NotEqual(hash, VnPaySigner.Sign(Params(vector), secret));
            }
            else if (vector.TryGetProperty("encoded_rule_matches", out var encodedOk) && !encodedOk.GetBoolean())
            {
                // Contrast vector: the app signed the RAW (unencoded) string. Its hash is right for that
                // string, but a v2.1.0 signer encodes the space, ':' and '/', so it must produce another hash.
                Assert.Equal(hash, VnPaySigner.Hmac(signData, secret));
                Assert.NotEqual(signData, VnPaySigner.BuildSignData(Params(vector)));
                var ours = VnPaySigner.Sign(Params(vector), secret);
                Assert.NotEqual(hash, ours);
                Assert.Equal(vector.GetProperty("computed_with_encoded_rule").GetString(), ours);
                Assert.False(VnPaySigner.Verify(Params(vector), hash, secret));
            }
            else
            {
                Assert.Equal(signData, VnPaySigner.BuildSignData(Params(vector)));
                var ours = VnPaySigner.Sign(Params(vector), secret);
                Assert.Equal(vector.GetProperty("computed").GetString(), ours);
                if (matches)
                {
                    Assert.Equal(hash, ours);
                    Assert.True(VnPaySigner.Verify(Params(vector), hash, secret), id);
                    Assert.True(VnPaySigner.Verify(Params(vector), hash.ToUpperInvariant(), secret), id);
                }
                else
                {
                    // Tampered: the params were changed after signing, so the stale hash must not verify.
                    Assert.NotEqual(hash, ours);
                    Assert.False(VnPaySigner.Verify(Params(vector), hash, secret), id);
                }
            }
            run++;
        }

        foreach (var vector in root.GetProperty("unattributed_but_verified").EnumerateArray())
        {
            // Non-ASCII OrderInfo: UTF-8 bytes, upper-case %XX.
            var secret = vector.GetProperty("hash_secret").GetString()!;
            Assert.Equal(vector.GetProperty("sign_data").GetString(), VnPaySigner.BuildSignData(Params(vector)));
            Assert.Equal(vector.GetProperty("vnp_SecureHash").GetString(), VnPaySigner.Sign(Params(vector), secret));
            run++;
        }

        output.WriteLine($"VNPay vectors: {run} run");
        Assert.Equal(root.GetProperty("vectors").GetArrayLength() + root.GetProperty("unattributed_but_verified").GetArrayLength(), run);
    }

    [Fact]
    public void Should_parse_the_official_docs_url_into_the_canonical_layout()
    {
        // The hash of this URL cannot be checked (secret unpublished), but its query IS the canonical
        // sign data: re-encoding the decoded parameters must give the same string back.
        var url = Load().GetProperty("unverifiable_examples")[0].GetProperty("value").GetString()!;
        var query = url[(url.IndexOf('?') + 1)..];
        var pairs = query.Split('&').Select(p => p.Split('='))
            .Select(kv => new KeyValuePair<string, string>(kv[0], System.Net.WebUtility.UrlDecode(kv[1]))).ToList();
        var unsigned = query[..query.IndexOf("&vnp_SecureHash=", StringComparison.Ordinal)];

        Assert.Equal(unsigned, VnPaySigner.BuildSignData(pairs));
    }
}
