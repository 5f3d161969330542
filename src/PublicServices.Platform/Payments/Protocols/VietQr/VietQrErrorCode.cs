namespace PublicServices.Platform.Payments.Protocols.VietQr;

public enum VietQrErrorCode
{
    /// <summary>Empty payload or too short to hold "000201" and "6304XXXX".</summary>
    PayloadTooShort,
    /// <summary>Fewer than 4 characters left where a tag and length should start.</summary>
    TruncatedHeader,
    /// <summary>The two length characters are not digits.</summary>
    NonNumericLength,
    /// <summary>The value is shorter than its declared length.</summary>
    ValueTruncated,
    /// <summary>A tag that is not two digits.</summary>
    InvalidTag,
    DuplicateTag,
    /// <summary>Tag 63 missing, not last, or not 4 hex digits; 00 not first.</summary>
    MisplacedTag,
    BadCrc,
    MissingTag,
    WrongFormatIndicator,
    WrongPointOfInitiation,
    WrongGuid,
    InvalidBin,
    InvalidAccount,
    UnknownService,
    WrongCurrency,
    WrongCountry,
    AmountFormat,
    TipIndicator,
    /// <summary>Warning: lengths only add up when counted in characters rather than UTF-8 bytes.</summary>
    LengthsInCharacters,
    /// <summary>Warning: service code found at 38/01/02 instead of 38/02 (a non-standard layout seen in the wild).</summary>
    ServiceCodeNested,
    /// <summary>Warning: 62/08 is not printable ASCII or is longer than 25 characters.</summary>
    PurposeFormat,
}
