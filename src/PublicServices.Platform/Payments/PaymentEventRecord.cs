namespace PublicServices.Platform.Payments;

/// <summary>
/// Every attempt, browser return and provider notification as received (raw parameters), with what the portal made of
/// it: the audit trail of money, and the input of reconciliation.
/// </summary>
public sealed class PaymentEventRecord
{
    public long Id { get; init; }
    public Guid? PaymentId { get; init; }
    public required string Reference { get; init; }
    public required string Provider { get; init; }
    /// <summary><c>start</c>, <c>notification</c>, <c>return</c>, <c>expire</c>.</summary>
    public required string Kind { get; init; }
    public required string RawJson { get; init; }
    /// <summary>What was decided: confirmed, already-confirmed, bad-signature, amount-mismatch, unknown-reference, flagged…</summary>
    public required string Result { get; init; }
    public DateTime At { get; init; }
}
