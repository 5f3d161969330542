namespace PublicServices.Platform.Payments.Protocols.VietQr;

/// <param name="Path">Tag path such as "38/01/00"; empty for the payload itself.</param>
/// <param name="Offset">Position inside the value at <paramref name="Path"/> where framing failed, when relevant.</param>
/// <param name="Message">Vietnamese / English.</param>
public sealed record VietQrError(VietQrErrorCode Code, string Path, int? Offset, string Message);
