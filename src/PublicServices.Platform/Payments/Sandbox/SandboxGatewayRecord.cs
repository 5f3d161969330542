namespace PublicServices.Platform.Payments.Sandbox;

/// <summary>The sandbox gateway's own book of payments, as a real gateway keeps one on its side.</summary>
public sealed class SandboxGatewayRecord
{
    public required string Reference { get; init; }
    public long AmountVnd { get; init; }
    public required string Description { get; init; }
    public required string ReturnUrl { get; init; }
    /// <summary><c>open</c>, <c>paid</c>, <c>cancelled</c>, <c>failed</c>.</summary>
    public required string Status { get; set; }
    public string? TxnId { get; set; }
    public string? ResponseCode { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? UpdatedAt { get; set; }
}
