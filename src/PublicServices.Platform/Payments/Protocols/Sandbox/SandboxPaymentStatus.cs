namespace PublicServices.Platform.Payments.Protocols.Sandbox;

/// <summary>Final outcome the sandbox gateway reports; on the wire "paid", "cancelled", "failed".</summary>
public enum SandboxPaymentStatus
{
    Paid,
    Cancelled,
    Failed,
}
