using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace PublicServices.Platform.Payments.Protocols.VnPay;

/// <summary>
/// A return-URL or IPN query from VNPay, typed. <see cref="Parse"/> never throws: problems go to
/// <see cref="Errors"/>. The signature is checked separately with <see cref="VerifySignature"/>, over
/// exactly the vnp_* parameters received.
/// </summary>
public sealed record VnPayCallback
{
    public required IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; }
    public string? TmnCode { get; init; }
    public string? TxnRef { get; init; }
    /// <summary>vnp_Amount ÷ 100; null when missing, not a number or not a multiple of 100.</summary>
    public long? AmountVnd { get; init; }
    public string? ResponseCode { get; init; }
    public string? TransactionStatus { get; init; }
    public string? TransactionNo { get; init; }
    public string? BankCode { get; init; }
    public string? BankTranNo { get; init; }
    public string? CardType { get; init; }
    public string? OrderInfo { get; init; }
    public DateTimeOffset? PayDate { get; init; }
    public string? SecureHash { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];

    public bool IsWellFormed => Errors.Count == 0;

    /// <summary>Paid: vnp_ResponseCode 00 and vnp_TransactionStatus 00 (the official demos require both).</summary>
    public bool IsSuccess => ResponseCode == "00" && TransactionStatus == "00";

    /// <summary>vnp_ResponseCode 24: the payer cancelled on the gateway page.</summary>
    public bool IsCancelledByCustomer => ResponseCode == "24";

    public bool VerifySignature(string hashSecret) => VnPaySigner.Verify(Parameters, SecureHash, hashSecret);

    /// <summary>For ASP.NET Core's Request.Query / Request.Form: a key sent twice stays visible as a repeat.</summary>
    public static VnPayCallback ParseQuery(IEnumerable<KeyValuePair<string, StringValues>> query) =>
        Parse(query.SelectMany(p => p.Value.Count == 0
            ? [new KeyValuePair<string, string>(p.Key, "")]
            : p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))));

    public static VnPayCallback Parse(IEnumerable<KeyValuePair<string, string>> query)
    {
        var errors = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in query)
        {
            // Only vnp_* take part in the signature (as in VNPay's demos); anything else is ignored.
            if (!key.StartsWith("vnp_", StringComparison.Ordinal))
                continue;
            if (!values.TryAdd(key, value ?? ""))
                errors.Add($"Tham số {key} bị lặp / Parameter {key} is repeated");
        }

        string? Get(string key) => values.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        string? Required(string key)
        {
            var v = Get(key);
            if (v is null)
                errors.Add($"Thiếu {key} / Missing {key}");
            return v;
        }

        var hash = Required("vnp_SecureHash");
        var txnRef = Required("vnp_TxnRef");
        var responseCode = Required("vnp_ResponseCode");
        var amount = ParseAmount(Required("vnp_Amount"), errors);
        DateTimeOffset? payDate = null;
        if (Get("vnp_PayDate") is { } payText)
        {
            if (VnPayTime.TryParse(payText, out var parsed))
                payDate = parsed;
            else
                errors.Add($"vnp_PayDate không hợp lệ: {payText} / Invalid vnp_PayDate: {payText}");
        }

        return new VnPayCallback
        {
            Parameters = values.Where(p => p.Key is not ("vnp_SecureHash" or "vnp_SecureHashType")).ToList(),
            TmnCode = Get("vnp_TmnCode"),
            TxnRef = txnRef,
            AmountVnd = amount,
            ResponseCode = responseCode,
            TransactionStatus = Get("vnp_TransactionStatus"),
            TransactionNo = Get("vnp_TransactionNo"),
            BankCode = Get("vnp_BankCode"),
            BankTranNo = Get("vnp_BankTranNo"),
            CardType = Get("vnp_CardType"),
            OrderInfo = Get("vnp_OrderInfo"),
            PayDate = payDate,
            SecureHash = hash,
            Errors = errors,
        };
    }

    private static long? ParseAmount(string? text, List<string> errors)
    {
        if (text is null)
            return null;
        if (!text.All(char.IsAsciiDigit) || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            errors.Add($"vnp_Amount không phải số: {text} / vnp_Amount is not a number: {text}");
            return null;
        }
        // VND has no minor unit: VNPay multiplies by 100, so anything else cannot be a real amount.
        if (minor % 100 != 0)
        {
            errors.Add($"vnp_Amount {text} không chia hết cho 100 / vnp_Amount {text} is not a multiple of 100");
            return null;
        }
        return minor / 100;
    }
}
