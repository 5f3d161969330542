namespace PublicServices.Platform.Payments.Protocols.VietQr;

/// <summary>NAPAS 247 transfer services we generate (38/02).</summary>
public enum VietQrService
{
    /// <summary>QRIBFTTA: instant transfer to an account number.</summary>
    ToAccount,
    /// <summary>QRIBFTTC: instant transfer to a card number.</summary>
    ToCard,
}
