using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace PublicServices.Platform.Notifications;

/// <summary>
/// SMS gateway settings (<c>Notifications:Sms:*</c>). <see cref="ApiKey"/> comes from the environment or a secret store
/// (<c>Notifications__Sms__ApiKey</c>), never from a file in the repository.
/// </summary>
public sealed class SmsOptions
{
    /// <summary>The gateway's send endpoint (https://…); SMS are off when empty.</summary>
    public string Url { get; set; } = "";
    public string? ApiKey { get; set; }
    /// <summary>The registered sender name (brandname) shown on the phone.</summary>
    public string Sender { get; set; } = "";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// SMS through an HTTP gateway: <c>POST {Url}</c> with <c>Authorization: Bearer {ApiKey}</c> and the JSON body
/// <c>{ to, from, text, reference }</c> — <c>to</c> in international form without "+" (84912345678), <c>reference</c> the
/// delivery record's id for the gateway's idempotency. Any status other than 2xx is an exception carrying the status and
/// the start of the answer, so the outbox retries and, in the end, opens an incident.
/// </summary>
public sealed class HttpSmsSender(IHttpClientFactory clients, SmsOptions options) : ISmsSender
{
    public const string ClientName = "sms-gateway";

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(ClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url)
        {
            Content = JsonContent.Create(new { to = InternationalNumber(message.To), from = options.Sender, text = message.Text, reference = message.Reference }),
        };
        if (!string.IsNullOrEmpty(options.ApiKey))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"SMS gateway did not answer within {options.Timeout.TotalSeconds:0} s.");
        }
        using (response)
        {
            if (response.IsSuccessStatusCode)
                return;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            body = body.Length > 200 ? body[..200] + "…" : body;
            throw new HttpRequestException($"SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}: {body}", null, response.StatusCode);
        }
    }

    /// <summary>A Vietnamese number as gateways expect it: digits only, 84 instead of the leading 0 (0912345678 → 84912345678).</summary>
    public static string InternationalNumber(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.StartsWith('0') ? "84" + digits[1..] : digits;
    }
}
