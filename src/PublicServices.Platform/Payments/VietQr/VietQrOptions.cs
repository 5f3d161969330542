namespace PublicServices.Platform.Payments.VietQr;

/// <summary>The agency's receiving account for VietQR transfers (<c>Payments:VietQr:*</c>): bank BIN, account number and name.</summary>
public sealed class VietQrOptions
{
    public string Bin { get; set; } = "";
    public string Account { get; set; } = "";
    public string AccountName { get; set; } = "";
}
