namespace PublicServices.Platform.Payments.Protocols.VietQr;

/// <summary>
/// One EMVCo data object. <see cref="Children"/> is set for the templates we decode (26–51, 62, 64 and
/// the NAPAS beneficiary 38/01) and null for primitive values or for a template whose content is not valid TLV.
/// </summary>
/// <param name="Offset">Where the object starts inside its parent's value, in the length unit used (UTF-8 bytes unless noted).</param>
public sealed record TlvNode(string Tag, string Value, int Offset, IReadOnlyList<TlvNode>? Children = null)
{
    public TlvNode? Child(string tag) => Children?.FirstOrDefault(c => c.Tag == tag);
}
