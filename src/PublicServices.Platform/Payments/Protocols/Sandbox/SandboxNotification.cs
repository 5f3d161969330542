using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PublicServices.Platform.Payments.Protocols.Sandbox;

/// <summary>
/// What the built-in sandbox gateway tells the portal about a payment, signed like a real gateway's IPN.
/// Response codes follow VNPay's meanings (00 paid, 24 cancelled, others failed) so the same screens apply.
/// </summary>
public sealed record SandboxNotification(
    string PaymentRef,
    string GatewayTxnId,
    long AmountVnd,
    string Currency,
    SandboxPaymentStatus Status,
    string ResponseCode,
    DateTimeOffset OccurredAt,
    string? Signature = null)
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private static readonly string[] FieldNames = ["paymentRef", "gatewayTxnId", "amountVnd", "currency", "status", "responseCode", "occurredAt"];

    /// <summary>The signed fields, as strings, in a fixed order (signature excluded).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SignedFields() =>
    [
        new("paymentRef", PaymentRef),
        new("gatewayTxnId", GatewayTxnId),
        new("amountVnd", AmountVnd.ToString(CultureInfo.InvariantCulture)),
        new("currency", Currency),
        new("status", StatusText(Status)),
        new("responseCode", ResponseCode),
        // Millisecond UTC text: what is signed is exactly what travels, whatever the offset given.
        new("occurredAt", OccurredAt.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture)),
    ];

    public SandboxNotification Sign(string secret) => this with { Signature = SandboxSigner.Sign(SignedFields(), secret) };

    public bool Verify(string secret) => SandboxSigner.Verify(SignedFields(), Signature, secret);

    public IReadOnlyList<KeyValuePair<string, string>> ToForm() =>
        [.. SignedFields(), new(SandboxSigner.SignatureField, Signature ?? "")];

    public string ToJson()
    {
        var json = new JsonObject();
        foreach (var (key, value) in ToForm())
            json[key] = key == "amountVnd" ? JsonValue.Create(AmountVnd) : JsonValue.Create(value);
        return json.ToJsonString();
    }

    /// <summary>Reads a posted form; never throws. Verify the signature afterwards.</summary>
    public static bool TryParseForm(IEnumerable<KeyValuePair<string, string>> form, out SandboxNotification? notification, out IReadOnlyList<string> errors)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (key, value) in form)
            if (!values.TryAdd(key, value ?? ""))
                problems.Add($"Trường {key} bị lặp / Field {key} is repeated");
        foreach (var name in FieldNames.Append(SandboxSigner.SignatureField).Where(n => !values.ContainsKey(n)))
            problems.Add($"Thiếu {name} / Missing {name}");
        notification = null;
        errors = problems;
        if (problems.Count > 0)
            return false;

        if (!long.TryParse(values["amountVnd"], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            problems.Add($"Số tiền không hợp lệ: {values["amountVnd"]} / Invalid amount: {values["amountVnd"]}");
        var status = ParseStatus(values["status"]);
        if (status is null)
            problems.Add($"Trạng thái không hợp lệ: {values["status"]} / Invalid status: {values["status"]}");
        if (!DateTimeOffset.TryParseExact(values["occurredAt"], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var occurredAt))
            problems.Add($"Thời điểm không hợp lệ: {values["occurredAt"]} / Invalid time: {values["occurredAt"]}");
        if (status is not null && (status == SandboxPaymentStatus.Paid) != (values["responseCode"] == "00")
            || (status == SandboxPaymentStatus.Cancelled && values["responseCode"] != "24"))
            problems.Add($"Mã phản hồi {values["responseCode"]} không khớp trạng thái {values["status"]} / Response code {values["responseCode"]} does not match status {values["status"]}");
        if (problems.Count > 0)
            return false;

        notification = new SandboxNotification(values["paymentRef"], values["gatewayTxnId"], amount, values["currency"],
            status!.Value, values["responseCode"], occurredAt.ToUniversalTime(), values[SandboxSigner.SignatureField]);
        return true;
    }

    /// <summary>Reads the JSON of <see cref="ToJson"/>; never throws.</summary>
    public static bool TryParseJson(string json, out SandboxNotification? notification, out IReadOnlyList<string> errors)
    {
        notification = null;
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            root = null;
        }
        if (root is null)
        {
            errors = ["JSON không hợp lệ / Invalid JSON"];
            return false;
        }
        var form = root.Where(p => p.Value is JsonValue).Select(p => new KeyValuePair<string, string>(p.Key,
            p.Value!.GetValueKind() == JsonValueKind.String ? p.Value.GetValue<string>() : p.Value.ToJsonString()));
        return TryParseForm(form, out notification, out errors);
    }

    public static string StatusText(SandboxPaymentStatus status) => status switch
    {
        SandboxPaymentStatus.Paid => "paid",
        SandboxPaymentStatus.Cancelled => "cancelled",
        _ => "failed",
    };

    private static SandboxPaymentStatus? ParseStatus(string text) => text switch
    {
        "paid" => SandboxPaymentStatus.Paid,
        "cancelled" => SandboxPaymentStatus.Cancelled,
        "failed" => SandboxPaymentStatus.Failed,
        _ => null,
    };
}
