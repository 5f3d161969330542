namespace PublicServices.Platform.Payments.Protocols.VietQr;

/// <summary>What <see cref="VietQrParser"/> found: the decoded TLV tree, typed NAPAS fields, and every problem.</summary>
public sealed record VietQrParseResult
{
    public required string Payload { get; init; }
    /// <summary>Top-level data objects in payload order; empty when the lengths do not frame.</summary>
    public IReadOnlyList<TlvNode> Fields { get; init; } = [];
    /// <summary>Tag 63 equals the CRC over everything through "6304" (hex compared case-insensitively).</summary>
    public bool CrcValid { get; init; }
    public string? CrcInPayload { get; init; }
    public string? CrcComputed { get; init; }

    public string? PointOfInitiation { get; init; }
    public string? Guid { get; init; }
    /// <summary>38/01/00: the 6-digit NAPAS BIN of the beneficiary's bank.</summary>
    public string? Bin { get; init; }
    /// <summary>38/01/01: account number, or card number for QRIBFTTC.</summary>
    public string? Account { get; init; }
    /// <summary>38/02: QRIBFTTA (to account), QRIBFTTC (to card), QRPUSH, QRCASH.</summary>
    public string? ServiceCode { get; init; }
    public string? Currency { get; init; }
    public string? Country { get; init; }
    public long? AmountVnd { get; init; }
    /// <summary>62/08: the purpose; our payment reference.</summary>
    public string? Purpose { get; init; }
    public string? BillNumber { get; init; }
    public string? ReferenceLabel { get; init; }
    public string? MerchantName { get; init; }
    public string? MerchantCity { get; init; }

    public IReadOnlyList<VietQrError> Errors { get; init; } = [];
    /// <summary>Departures from the standard that still leave the payload usable.</summary>
    public IReadOnlyList<VietQrError> Warnings { get; init; } = [];

    public bool IsValid => Errors.Count == 0;
    /// <summary>Point of initiation 12: a one-time code carrying its amount.</summary>
    public bool IsDynamic => PointOfInitiation == "12";

    public TlvNode? Field(string tag) => Fields.FirstOrDefault(f => f.Tag == tag);
}
