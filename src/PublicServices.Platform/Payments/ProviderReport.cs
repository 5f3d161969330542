namespace PublicServices.Platform.Payments;

/// <summary>
/// A provider's server-to-server statement about one payment, after its signature was verified: the only thing that
/// can mark a fee paid. <see cref="RawJson"/> is kept as received.
/// </summary>
public sealed record ProviderReport(
    string Provider, string Reference, string? ProviderTxnId, long AmountVnd, string Currency, bool Success, string ResponseCode, string RawJson);

public enum ConfirmationResult
{
    /// <summary>Paid: the dossier moved on.</summary>
    Confirmed,
    /// <summary>This transaction (or this payment) was confirmed before: nothing changes, the provider is told so.</summary>
    AlreadyConfirmed,
    UnknownReference,
    /// <summary>Amount or currency differ from what was asked: nothing changes.</summary>
    AmountMismatch,
    /// <summary>A failed or cancelled attempt, recorded; the applicant may pay again.</summary>
    Recorded,
    /// <summary>Money for an attempt that is closed (expired, cancelled, dossier withdrawn): recorded and flagged for refund.</summary>
    Flagged,
}
