using System.Text;

using PublicServices.Tests;

namespace PublicServices.Browser.Tests;

/// <summary>
/// Small but complete files an applicant would upload: a PNG that any viewer decodes (the officials' task page shows
/// it as a preview) and a one-page PDF. Made here so the tests need no binary fixtures.
/// </summary>
internal static class SampleScans
{
    /// <summary>A "scanned page": white sheet, coloured header band, grey lines of text and a red seal.</summary>
    public static byte[] Png(int width, int height, (byte R, byte G, byte B) band) =>
        PngFile.Encode(width, height, (x, y) => Pixel(x, y, width, height, band));

    /// <summary>A one-page A4 PDF with a title and a line of text (ASCII, standard Helvetica).</summary>
    public static byte[] Pdf(string title, string line)
    {
        var content = $"BT /F1 18 Tf 72 770 Td ({title}) Tj ET\nBT /F1 11 Tf 72 740 Td ({line}) Tj ET\n";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(content)} >>\nstream\n{content}endstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static (byte, byte, byte) Pixel(int x, int y, int width, int height, (byte R, byte G, byte B) band)
    {
        const int margin = 24;
        if (x < 4 || y < 4 || x >= width - 4 || y >= height - 4)
            return (200, 200, 200); // the sheet's edge
        if (y is >= margin and < margin + 48 && x >= margin && x < width - margin)
            return band;
        var (cx, cy, radius) = (width - 90, height - 90, 50);
        var distance = Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
        if (distance is > 42 and <= 50 || distance <= radius && Math.Abs(y - cy) < 4)
            return (200, 30, 40);
        var line = (y - margin - 80) % 28;
        var lineLength = width - 2 * margin - (y / 28 % 3) * 70;
        if (y > margin + 80 && y < height - 160 && line is >= 0 and < 10 && x >= margin && x < margin + lineLength)
            return (150, 150, 150);
        return (255, 255, 255);
    }
}
