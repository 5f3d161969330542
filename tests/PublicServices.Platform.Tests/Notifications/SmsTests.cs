using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Notifications;

namespace PublicServices.Platform.Tests.Notifications;

/// <summary>The HTTP SMS gateway client and the SMS text rules (GSM-7, Vietnamese without tone marks, VND amounts).</summary>
public sealed class SmsTests
{
    private sealed class Gateway(HttpStatusCode status, string answer) : HttpMessageHandler
    {
        public List<(HttpRequestMessage Request, string Body)> Received { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Received.Add((request, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(status) { Content = new StringContent(answer) };
        }
    }

    private static HttpSmsSender Sender(Gateway gateway)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(HttpSmsSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => gateway);
        var clients = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new HttpSmsSender(clients, new SmsOptions { Url = "https://sms.example.test/v1/send", ApiKey = "k-123", Sender = "DVCGD" });
    }

    [Fact]
    public async Task Should_post_the_message_as_json_with_the_key_and_the_reference()
    {
        var gateway = new Gateway(HttpStatusCode.Accepted, """{"id":"abc"}""");
        var reference = Guid.NewGuid();

        await Sender(gateway).SendAsync(new SmsMessage("0912 345 678", "Ho so SGD-01: da nhan le phi.", reference), CancellationToken.None);

        var (request, body) = Assert.Single(gateway.Received);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://sms.example.test/v1/send", request.RequestUri!.ToString());
        Assert.Equal("Bearer k-123", request.Headers.Authorization!.ToString());
        var json = JsonNode.Parse(body)!;
        Assert.Equal("84912345678", json["to"]!.GetValue<string>());
        Assert.Equal("DVCGD", json["from"]!.GetValue<string>());
        Assert.Equal("Ho so SGD-01: da nhan le phi.", json["text"]!.GetValue<string>());
        Assert.Equal(reference, json["reference"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Should_fail_with_the_status_and_the_start_of_the_answer_when_the_gateway_refuses()
    {
        var gateway = new Gateway(HttpStatusCode.TooManyRequests, "quota exceeded " + new string('x', 400));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            Sender(gateway).SendAsync(new SmsMessage("0912345678", "x", Guid.NewGuid()), CancellationToken.None));

        Assert.StartsWith("SMS gateway answered 429 Too Many Requests: quota exceeded xxx", error.Message);
        Assert.True(error.Message.Length < 300);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
    }

    [Theory]
    [InlineData("Hồ sơ SGD-01: vui lòng nộp lệ phí trước 10/11/2026 – cảm ơn “bạn”.", "Ho so SGD-01: vui long nop le phi truoc 10/11/2026 - cam on \"ban\".")]
    [InlineData("ĐÃ NHẬN 20.000 VND ✓", "DA NHAN 20.000 VND ?")]
    public void Should_send_vietnamese_without_tone_marks_in_the_gsm_alphabet(string written, string sent) =>
        Assert.Equal(sent, SmsText.ToGsm7(written));

    [Theory]
    [InlineData(20000, "vi", "20.000 đ")]
    [InlineData(20000, "en", "20,000 VND")]
    [InlineData(1250000, "vi", "1.250.000 đ")]
    [InlineData(500, "en", "500 VND")]
    public void Should_write_amounts_as_each_language_does(long vnd, string language, string text) =>
        Assert.Equal(text, NotificationFormat.Amount(vnd, language));

    [Fact]
    public void Should_write_a_moment_in_vietnam_time() =>
        Assert.Equal("10/11/2026 09:00", NotificationFormat.Moment(new DateTimeOffset(2026, 11, 10, 2, 0, 0, TimeSpan.Zero)));
}
