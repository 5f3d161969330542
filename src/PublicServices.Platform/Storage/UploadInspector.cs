using System.Buffers.Binary;

namespace PublicServices.Platform.Storage;

/// <summary>
/// Identifies PDF, JPEG and PNG by their signatures and reads image dimensions from the headers (PNG IHDR, JPEG SOFn),
/// without decoding pixels — so the exam photo's 400×600 minimum is checked cheaply and a renamed file is refused.
/// </summary>
public static class UploadInspector
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static UploadInspection Inspect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
            return new UploadInspection(UploadKind.Pdf, null, null);
        if (content.StartsWith(PngSignature))
            return content.Length >= 24 && content.Slice(12, 4).SequenceEqual("IHDR"u8)
                ? new UploadInspection(UploadKind.Png, (int)BinaryPrimitives.ReadUInt32BigEndian(content[16..]), (int)BinaryPrimitives.ReadUInt32BigEndian(content[20..]))
                : new UploadInspection(UploadKind.Png, null, null);
        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
            return JpegSize(content);
        return new UploadInspection(UploadKind.Unknown, null, null);
    }

    private static UploadInspection JpegSize(ReadOnlySpan<byte> content)
    {
        var i = 2;
        while (i + 9 < content.Length)
        {
            if (content[i] != 0xFF)
                break;
            var marker = content[i + 1];
            if (marker == 0xFF) { i++; continue; }
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7)) { i += 2; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(content[(i + 2)..]);
            // Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return new UploadInspection(UploadKind.Jpeg,
                    BinaryPrimitives.ReadUInt16BigEndian(content[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(content[(i + 5)..]));
            i += 2 + length;
        }
        return new UploadInspection(UploadKind.Jpeg, null, null);
    }
}
