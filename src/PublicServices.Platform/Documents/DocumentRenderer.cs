using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PublicServices.Platform.Documents.Signing;
using QRCoder;

namespace PublicServices.Platform.Documents;

/// <summary>
/// Draws a <see cref="DocumentTemplate"/> with a document model onto A4 pages with PDFsharp (XGraphics only).
/// The model holds strings, dates, numbers and, for tables, lists of dictionaries. The output is deterministic:
/// the same template and model give the same bytes (dates from <c>issuedAt</c>, fixed creator, file ID from a hash
/// of the template and the model).
/// </summary>
public sealed partial class DocumentRenderer
{
    public const string Creator = "PublicServices — Cổng Dịch vụ công Giáo dục";

    /// <summary>The model value that dates the document (PDF creation and modification dates).</summary>
    public const string IssuedAtKey = "issuedAt";

    private readonly (string Family, XPdfFontOptions Options) compactFonts, fullFonts;

    /// <summary>
    /// PDFsharp creates its typed dictionaries through reflection (<c>GetConstructor(...).Invoke</c>); .NET compiles an
    /// invoker (a dynamic method) per constructor object, and constructor objects live in a per-type cache that is held
    /// weakly. Between documents the garbage collector drops those caches, so every document compiled new invokers and
    /// the finalizer thread spent as much CPU destroying them as the renderer spent rendering. Holding the constructors
    /// keeps the caches, and their invokers, alive.
    /// </summary>
    private static readonly ConstructorInfo[] PdfObjectConstructors = typeof(PdfObject).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(PdfObject)) && !t.IsAbstract)
        .SelectMany(t => t.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        .ToArray();

    /// <param name="fonts">The fonts (the first ones installed in the process are used; PDFsharp takes one resolver).</param>
    /// <param name="signer">The agency's signer, for <see cref="RenderSigned"/>; registered in DI from <c>Documents:Signing</c>.</param>
    public DocumentRenderer(DocumentFonts fonts, DocumentSigner? signer = null)
    {
        Signer = signer;
        GC.KeepAlive(PdfObjectConstructors);
        Fonts = DocumentFonts.Install(fonts);
        compactFonts = (DocumentFonts.Family, new XPdfFontOptions(PdfFontEncoding.Unicode,
            Fonts.EmbedCompleteCompactFont ? PdfFontEmbedding.EmbedCompleteFontFile : PdfFontEmbedding.TryComputeSubset));
        fullFonts = (DocumentFonts.FullFamily, new XPdfFontOptions(PdfFontEncoding.Unicode,
            Fonts.EmbedCompleteFontFile ? PdfFontEmbedding.EmbedCompleteFontFile : PdfFontEmbedding.TryComputeSubset));
    }

    public DocumentFonts Fonts { get; }

    /// <summary>The signer of <see cref="RenderSigned"/>, with its certificate (<see cref="DocumentSigner.Certificate"/>) for display.</summary>
    public DocumentSigner? Signer { get; }

    public void Render(DocumentTemplate template, IReadOnlyDictionary<string, object?> model, Stream output) =>
        output.Write(Render(template, model));

    /// <summary>The document as PDF bytes, unsigned; the same template and model give the same bytes.</summary>
    public byte[] Render(DocumentTemplate template, IReadOnlyDictionary<string, object?> model) => Render(template, model, signing: null);

    /// <summary>
    /// The document as PDF bytes signed with the agency's certificate (<see cref="Signer"/>): a PAdES-style detached CMS
    /// over the whole file but the signature itself. Reason from <c>Documents:Signing:Reason</c>, location the model's
    /// <c>place</c>, contact the model's <c>agency</c> (unless configured). The bytes are those of <see cref="Render(DocumentTemplate, IReadOnlyDictionary{string, object?})"/>
    /// up to the signature: only the signature dictionary (its time) and the CMS differ between two signings.
    /// </summary>
    public byte[] RenderSigned(DocumentTemplate template, IReadOnlyDictionary<string, object?> model)
    {
        var signer = Signer ?? throw new InvalidOperationException(
            "Không có chữ ký số / This renderer has no signer: register it with a DocumentSigner (Documents:Signing settings).");
        var location = model.TryGetValue("place", out var place) && place is not null ? DocumentValues.Format(place) : signer.Options.Location ?? "";
        var contact = signer.Options.ContactInfo
            ?? (model.TryGetValue("agency", out var agency) && agency is not null ? DocumentValues.Format(agency) : "");
        return Render(template, model, (document, layout, id, output) =>
        {
            var (page, area) = layout.SignatureArea;
            signer.Prepare(document, output, page, area, location, contact, bytes => MakeReproducible(bytes, id));
        });
    }

    /// <summary>
    /// Lays the document out and saves it. With <paramref name="signing"/>, PDFsharp reserves the signature in the file
    /// and <paramref name="signing"/> signs it while saving; the reproducibility fixes are applied before the bytes are
    /// signed.
    /// </summary>
    private byte[] Render(DocumentTemplate template, IReadOnlyDictionary<string, object?> model, Action<PdfDocument, Layout, string, MemoryStream>? signing)
    {
        var canonical = Canonical(template, model);
        var id = DocumentId(canonical);
        using var document = new PdfDocument();
        var issued = model.TryGetValue(IssuedAtKey, out var value) && DocumentValues.AsDate(value) is { } date
            ? date
            : new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        document.Info.Title = template.Title;
        document.Info.Creator = Creator;
        document.Info.CreationDate = issued;
        document.Info.ModificationDate = issued;
        document.Language = "vi-VN";
        document.Options.CompressContentStreams = true;
        // Fastest deflate: 20-40% less CPU than BestCompression for 6 KB (20%) more per PDF (the font subsets dominate
        // both); a signed one-page certificate stays near 38 KB.
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        // PDFsharp writes a random /ID; a hash of what was rendered makes the bytes reproducible.
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;

        // The compact fonts unless some text needs a character they lack.
        var (family, options) = Fonts.Covers(canonical) && Fonts.Covers(TemplateText(template)) ? compactFonts : fullFonts;
        var layout = new Layout(document, template, model, family, options);
        layout.Draw();
        using var output = new MemoryStream(64 * 1024);
        signing?.Invoke(document, layout, id, output);
        document.Save(output, closeStream: false);
        var bytes = output.ToArray();
        if (signing is null)
            MakeReproducible(bytes, id);
        return bytes;
    }

    [GeneratedRegex(@"/(?:BaseFont|FontName)\s*/([A-Z]{6})\+")]
    private static partial Regex SubsetTag();

    /// <summary>
    /// PDFsharp names each font subset with six random letters (from a new GUID, PDF 1.7 §9.6.4). They are replaced in
    /// place, same length so the cross-reference offsets stay right, by letters derived from the document ID. The names
    /// sit in uncompressed font dictionaries (PDFsharp writes no object streams). The XMP metadata (uncompressed) carries
    /// two random GUIDs too. For a signed document this runs on the saved bytes before they are signed.
    /// </summary>
    internal static void MakeReproducible(Span<byte> pdf, string id)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var seed = SHA256.HashData(Encoding.Latin1.GetBytes(id));
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in SubsetTag().Matches(text))
        {
            var tag = match.Groups[1];
            if (!replacements.TryGetValue(tag.Value, out var fixedTag))
            {
                var letters = new char[6];
                for (var i = 0; i < 6; i++)
                    letters[i] = (char)('A' + (seed[i] + replacements.Count * 7 + i * replacements.Count) % 26);
                letters[5] = (char)('A' + replacements.Count % 26); // distinct for up to 26 subsets
                replacements[tag.Value] = fixedTag = new string(letters);
            }
            Encoding.ASCII.GetBytes(fixedTag, pdf.Slice(tag.Index, 6));
        }
        foreach (Match match in XmpUuid().Matches(text))
        {
            var guid = new Guid(SHA256.HashData(Encoding.Latin1.GetBytes(id + match.Groups[1].Value)).AsSpan(0, 16)).ToString("D");
            Encoding.ASCII.GetBytes(guid, pdf.Slice(match.Groups[2].Index, guid.Length));
        }
    }

    [GeneratedRegex(@"<xmpMM:(DocumentID|InstanceID)>uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})<")]
    private static partial Regex XmpUuid();

    private static string Canonical(DocumentTemplate template, IReadOnlyDictionary<string, object?> model)
    {
        var canonical = new StringBuilder(template.Id).Append('\n').Append(template.SourceHash).Append('\n');
        DocumentValues.Canonical(model, canonical);
        return canonical.ToString();
    }

    private static string DocumentId(string canonical)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
        // PDFsharp keeps the ID as a string of byte-sized characters and writes it as a hex string.
        return string.Create(16, hash, (chars, h) =>
        {
            for (var i = 0; i < chars.Length; i++)
                chars[i] = (char)h[i];
        });
    }

    private static readonly ConditionalWeakTable<DocumentTemplate, string> TemplateTexts = [];

    /// <summary>Every fixed text of a template (labels, titles, captions), to check the compact fonts have its characters.</summary>
    private static string TemplateText(DocumentTemplate template) => TemplateTexts.GetValue(template, t =>
    {
        var text = new StringBuilder(t.Title);
        foreach (var block in t.Blocks)
        {
            IEnumerable<string?> parts = block switch
            {
                AgencyBlock b => [b.Text, b.Parent],
                NumberDateBlock b => [b.Number, b.Place],
                TitleBlock b => [b.Text, b.Subtitle],
                ParagraphBlock b => [b.Text],
                FieldsBlock b => b.Rows.SelectMany(r => new string?[] { r.Label, r.Value }),
                TableBlock b => b.Columns.Select(c => (string?)c.Header),
                SignatureBlock b => [b.Title, b.Name, b.SignedText],
                QrBlock b => [b.Caption],
                FooterBlock b => [b.Text],
                _ => Array.Empty<string?>(),
            };
            foreach (var part in parts)
                text.Append(part).Append('\n');
        }
        return text.ToString();
    });

    /// <summary>One render: a cursor moving down the pages.</summary>
    internal sealed class Layout
    {
        private const double Mm = 72 / 25.4;
        private const double BodySize = 13;
        private static readonly XPen Rule = new(XColors.Black, 0.6);
        private static readonly XPen Grid = new(XColors.Black, 0.5);
        private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(235, 235, 235));

        private readonly PdfDocument document;
        private readonly DocumentTemplate template;
        private readonly IReadOnlyDictionary<string, object?> model;
        private readonly XPdfFontOptions options;
        private readonly string family;
        private readonly Dictionary<(double, XFontStyleEx), XFont> fonts = [];
        private readonly double left, width, top, bottom, pageHeight;
        private readonly List<string> footerLines = [];
        private readonly XFont footerFont;
        private XGraphics graphics = null!;
        private double y;
        private (double Top, double Bottom, PdfPage Page)? lastSignature;
        private (int Page, XRect Area)? signatureArea;

        /// <summary>
        /// Where the digital signature's field goes: the last signature block, in PDF user space (origin bottom left);
        /// without one, an empty rectangle in the top left corner of the first page.
        /// </summary>
        public (int Page, XRect Area) SignatureArea => signatureArea ?? (0, new XRect(0, pageHeight, 0, 0));

        public Layout(PdfDocument document, DocumentTemplate template, IReadOnlyDictionary<string, object?> model, string family, XPdfFontOptions options)
        {
            this.family = family;
            this.document = document;
            this.template = template;
            this.model = model;
            this.options = options;
            var size = PageSizeConverter.ToSize(PageSize.A4);
            pageHeight = size.Height;
            var margins = template.Margins;
            left = margins.Left * Mm;
            width = size.Width - (margins.Left + margins.Right) * Mm;
            top = margins.Top * Mm;
            footerFont = Font(8.5, XFontStyleEx.Regular);
            bottom = pageHeight - margins.Bottom * Mm;
            if (template.Footer is { } footer)
            {
                using var measure = XGraphics.CreateMeasureContext(new XSize(size.Width, size.Height), XGraphicsUnit.Point, XPageDirection.Downwards);
                graphics = measure;
                footerLines.AddRange(Wrap(Fill(footer.Text), footerFont, width - 60));
                bottom -= footerLines.Count * footerFont.GetHeight() + 10;
                graphics = null!;
            }
        }

        public void Draw()
        {
            NewPage();
            foreach (var block in template.Blocks)
            {
                var previous = lastSignature;
                lastSignature = null;
                switch (block)
                {
                    case NationalHeaderBlock: NationalHeader(); break;
                    case AgencyBlock agency: Agency(agency); break;
                    case NumberDateBlock numberDate: NumberDate(numberDate); break;
                    case TitleBlock title: Title(title); break;
                    case ParagraphBlock paragraph: Paragraph(paragraph); break;
                    case FieldsBlock fields: Fields(fields); break;
                    case TableBlock table: Table(table); break;
                    case SignatureBlock signature: Signature(signature); break;
                    case QrBlock qr: Qr(qr, previous); break;
                    case FooterBlock: break;
                }
            }
            graphics.Dispose();
            DrawFooters();
        }

        private void NewPage()
        {
            graphics?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            graphics = XGraphics.FromPdfPage(page);
            y = top;
        }

        /// <summary>Starts a new page unless <paramref name="height"/> fits below the cursor (or the page is empty).</summary>
        private bool Ensure(double height)
        {
            if (y + height <= bottom || y <= top + 0.01)
                return false;
            NewPage();
            return true;
        }

        private void NationalHeader()
        {
            var upper = Font(12.5, XFontStyleEx.Bold);
            var motto = Font(13, XFontStyleEx.Bold);
            Ensure(upper.GetHeight() + motto.GetHeight() + 20);
            Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", upper, left, width, TextAlign.Center);
            var mottoText = "Độc lập - Tự do - Hạnh phúc";
            Line(mottoText, motto, left, width, TextAlign.Center);
            var ruleWidth = graphics.MeasureString(mottoText, motto).Width;
            y += 3;
            graphics.DrawLine(Rule, left + (width - ruleWidth) / 2, y, left + (width + ruleWidth) / 2, y);
            y += 14;
        }

        private void Agency(AgencyBlock block)
        {
            var bold = Font(12.5, XFontStyleEx.Bold);
            var regular = Font(12.5, XFontStyleEx.Regular);
            var name = Fill(block.Text).ToUpper(Vi);
            var lines = Wrap(name, bold, width * 0.6);
            Ensure((lines.Count + 1) * bold.GetHeight() + 12);
            var blockWidth = lines.Max(l => graphics.MeasureString(l, bold).Width);
            if (block.Parent is { } parent)
                foreach (var line in Wrap(Fill(parent).ToUpper(Vi), regular, width * 0.6))
                {
                    blockWidth = Math.Max(blockWidth, graphics.MeasureString(line, regular).Width);
                    Line(line, regular, left, blockWidth, TextAlign.Center);
                }
            foreach (var line in lines)
                Line(line, bold, left, blockWidth, TextAlign.Center);
            y += 3;
            graphics.DrawLine(Rule, left + blockWidth * 0.3, y, left + blockWidth * 0.7, y);
            y += 10;
        }

        private void NumberDate(NumberDateBlock block)
        {
            var regular = Font(BodySize, XFontStyleEx.Regular);
            var italic = Font(BodySize, XFontStyleEx.Italic);
            var number = "Số: " + Fill(block.Number);
            var date = DocumentValues.AsDate(Value(block.DatePlaceholder))
                ?? throw new InvalidOperationException($"'{block.DatePlaceholder}' không phải ngày / The model's '{block.DatePlaceholder}' is not a date.");
            var dated = string.Create(Vi, $"{Fill(block.Place)}, ngày {date:dd} tháng {date:MM} năm {date:yyyy}");
            Ensure(regular.GetHeight() * 2 + 12);
            var numberWidth = graphics.MeasureString(number, regular).Width;
            var dateWidth = graphics.MeasureString(dated, italic).Width;
            if (numberWidth + dateWidth + 20 <= width)
            {
                graphics.DrawString(number, regular, XBrushes.Black, left, y, XStringFormats.TopLeft);
                Line(dated, italic, left, width, TextAlign.Right);
            }
            else
            {
                Line(number, regular, left, width, TextAlign.Left);
                Line(dated, italic, left, width, TextAlign.Right);
            }
            y += 14;
        }

        private void Title(TitleBlock block)
        {
            var big = Font(15, XFontStyleEx.Bold);
            var sub = Font(BodySize, XFontStyleEx.Bold);
            var lines = Wrap(Fill(block.Text), big, width);
            var subLines = block.Subtitle is null ? [] : Wrap(Fill(block.Subtitle), sub, width);
            Ensure(lines.Count * big.GetHeight() + subLines.Count * sub.GetHeight() + BodySize * 3);
            y += 6;
            foreach (var line in lines)
                Line(line, big, left, width, TextAlign.Center);
            foreach (var line in subLines)
                Line(line, sub, left, width, TextAlign.Center);
            y += 12;
        }

        private void Paragraph(ParagraphBlock block)
        {
            var font = Font(BodySize, (block.Bold, block.Italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            });
            foreach (var part in Fill(block.Text).Trim().Split('\n'))
            {
                var lines = Wrap(part, font, width);
                for (var i = 0; i < lines.Count; i++)
                {
                    Ensure(font.GetHeight());
                    var last = i == lines.Count - 1;
                    Line(lines[i], font, left, width, block.Align == TextAlign.Justify && last ? TextAlign.Left : block.Align);
                }
                y += 4;
            }
            y += 4;
        }

        private void Fields(FieldsBlock block)
        {
            var label = Font(BodySize, XFontStyleEx.Regular);
            var value = Font(BodySize, XFontStyleEx.Bold);
            var labelWidth = width * block.LabelWidthPercent / 100;
            foreach (var row in block.Rows)
            {
                var labelLines = Wrap(Fill(row.Label), label, labelWidth - 6);
                var valueLines = Wrap(Fill(row.Value), value, width - labelWidth);
                var height = Math.Max(labelLines.Count, valueLines.Count) * value.GetHeight();
                Ensure(height);
                var start = y;
                foreach (var line in labelLines)
                    Line(line, label, left, labelWidth, TextAlign.Left);
                var end = y;
                y = start;
                foreach (var line in valueLines)
                    Line(line, value, left + labelWidth, width - labelWidth, TextAlign.Left);
                y = Math.Max(y, end) + 3;
            }
            y += 8;
        }

        private void Table(TableBlock block)
        {
            const double pad = 3;
            var headerFont = Font(11, XFontStyleEx.Bold);
            var cellFont = Font(11, XFontStyleEx.Regular);
            var widths = block.Columns.Select(c => width * c.WidthPercent / 100).ToArray();
            var headers = block.Columns.Select((c, i) => Wrap(Fill(c.Header), headerFont, widths[i] - 2 * pad)).ToList();
            var headerHeight = headers.Max(h => h.Count) * headerFont.GetHeight() + 2 * pad;
            var rows = DocumentValues.AsRows(Value(block.RowsPlaceholder), block.RowsPlaceholder);

            void Header()
            {
                DrawRow(headers, headerFont, headerHeight, fill: true, block.Columns.Select(_ => TextAlign.Center).ToList());
            }

            void DrawRow(List<List<string>> cells, XFont font, double height, bool fill, List<TextAlign> aligns)
            {
                var x = left;
                for (var i = 0; i < cells.Count; i++)
                {
                    if (fill)
                        graphics.DrawRectangle(HeaderFill, x, y, widths[i], height);
                    graphics.DrawRectangle(Grid, x, y, widths[i], height);
                    var lineY = y + pad;
                    foreach (var line in cells[i])
                    {
                        DrawAligned(line, font, x + pad, lineY, widths[i] - 2 * pad, aligns[i]);
                        lineY += font.GetHeight();
                    }
                    x += widths[i];
                }
                y += height;
            }

            var cellAligns = block.Columns.Select(c => c.Align).ToList();
            var first = true;
            var number = 0;
            foreach (var row in rows)
            {
                number++;
                var cells = block.Columns.Select((c, i) => Wrap(
                    c.Key == "#" ? number.ToString(Vi) : DocumentValues.Format(row.GetValueOrDefault(c.Key)),
                    cellFont, widths[i] - 2 * pad)).ToList();
                var height = cells.Max(c => Math.Max(1, c.Count)) * cellFont.GetHeight() + 2 * pad;
                if (first)
                {
                    Ensure(headerHeight + height);
                    Header();
                    first = false;
                }
                else if (Ensure(height))
                    Header();
                DrawRow(cells, cellFont, height, fill: false, cellAligns);
            }
            if (first)
            {
                Ensure(headerHeight);
                Header();
            }
            y += 12;
        }

        private void Signature(SignatureBlock block)
        {
            var bold = Font(BodySize, XFontStyleEx.Bold);
            var italic = Font(BodySize - 1, XFontStyleEx.Italic);
            var x = left + width / 2;
            var w = width / 2;
            var titleLines = Fill(block.Title).Split('\n').SelectMany(l => Wrap(l.Trim().ToUpper(Vi), bold, w)).ToList();
            var nameLines = Wrap(Fill(block.Name), bold, w);
            var height = (titleLines.Count + nameLines.Count) * bold.GetHeight() + italic.GetHeight() + 36;
            Ensure(height);
            var start = y;
            foreach (var line in titleLines)
                Line(line, bold, x, w, TextAlign.Center);
            y += 8;
            if (block.SignedText is { } signed)
                Line(Fill(signed), italic, x, w, TextAlign.Center);
            else
                y += italic.GetHeight();
            y += 20;
            foreach (var line in nameLines)
                Line(line, bold, x, w, TextAlign.Center);
            y += 8;
            lastSignature = (start, y, document.Pages[^1]);
            signatureArea = (document.PageCount - 1, new XRect(x, pageHeight - y, w, y - start));
        }

        /// <summary>
        /// The QR code as filled squares, one per run of dark modules in a row. A left-aligned QR block right after a
        /// signature sits beside it, in the left half, as on Vietnamese electronic documents.
        /// </summary>
        private void Qr(QrBlock block, (double Top, double Bottom, PdfPage Page)? signature)
        {
            var text = DocumentValues.Format(Value(block.ValuePlaceholder));
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
            var matrix = data.ModuleMatrix;
            var size = block.SizeMm * Mm;
            var captionFont = Font(8.5, XFontStyleEx.Italic);
            var captionLines = block.Caption is null ? [] : Wrap(Fill(block.Caption), captionFont, Math.Max(size, 120));
            var height = size + captionLines.Count * captionFont.GetHeight() + 4;
            var beside = signature is { } s && block.Align == TextAlign.Left && s.Page == document.Pages[^1]
                && size + 20 <= width / 2 && s.Top + height <= bottom;
            var after = y;
            if (beside)
                y = signature!.Value.Top;
            else
                Ensure(height);
            var x = block.Align switch
            {
                TextAlign.Center => left + (width - size) / 2,
                TextAlign.Right => left + width - size,
                _ => left,
            };
            // One path in module units, filled once (so viewers show no seams between modules): a rectangle per run of
            // dark modules in a row, extended down over the rows that repeat that run. Written as PDF operators ("re"),
            // a dozen bytes per rectangle, between the q/Q of XGraphics.Save/Restore, which also ends any text object.
            var state = graphics.Save();
            var content = graphics.Internals.ContentStringBuilder ?? throw new InvalidOperationException("Not drawing on a PDF page.");
            var module = size / matrix.Count;
            content.Append(CultureInfo.InvariantCulture, $"0 g\n{module:0.#####} 0 0 {-module:0.#####} {x:0.####} {pageHeight - y:0.####} cm\n");
            foreach (var (column, row, columns, rows) in QrRectangles(matrix))
                content.Append(CultureInfo.InvariantCulture, $"{column} {row} {columns} {rows} re\n");
            content.Append("f\n");
            graphics.Restore(state);
            y += size + 2;
            var captionWidth = Math.Max(size, 120);
            foreach (var line in captionLines)
                Line(line, captionFont, block.Align == TextAlign.Left ? x : x + size - captionWidth, captionWidth, block.Align == TextAlign.Left ? TextAlign.Left : TextAlign.Right);
            y = beside ? Math.Max(y, after) : y + 8;
        }

        /// <summary>Dark modules as rectangles: runs along rows, merged with the identical runs of the rows below.</summary>
        internal static List<(int Column, int Row, int Columns, int Rows)> QrRectangles(List<System.Collections.BitArray> matrix)
        {
            var result = new List<(int Column, int Row, int Columns, int Rows)>();
            var open = new Dictionary<(int Start, int Length), int>(); // run → index in result, if it reached the row above
            for (var row = 0; row < matrix.Count; row++)
            {
                var bits = matrix[row];
                var next = new Dictionary<(int, int), int>();
                for (var column = 0; column < bits.Length; column++)
                {
                    if (!bits[column])
                        continue;
                    var end = column;
                    while (end + 1 < bits.Length && bits[end + 1])
                        end++;
                    var run = (column, end - column + 1);
                    if (open.TryGetValue(run, out var index))
                        result[index] = result[index] with { Rows = result[index].Rows + 1 };
                    else
                    {
                        index = result.Count;
                        result.Add((column, row, end - column + 1, 1));
                    }
                    next[run] = index;
                    column = end;
                }
                open = next;
            }
            return result;
        }

        private void DrawFooters()
        {
            var count = document.PageCount;
            for (var i = 0; i < count; i++)
            {
                using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                graphics = g;
                var pageLabel = string.Create(Vi, $"Trang {i + 1}/{count}");
                var lineY = pageHeight - template.Margins.Bottom * Mm - footerLines.Count * footerFont.GetHeight();
                if (footerLines.Count > 0)
                    g.DrawLine(new XPen(XColors.Gray, 0.4), left, lineY - 4, left + width, lineY - 4);
                else
                    lineY -= footerFont.GetHeight();
                DrawAligned(pageLabel, footerFont, left, lineY, width, TextAlign.Right);
                foreach (var line in footerLines)
                {
                    g.DrawString(line, footerFont, XBrushes.Black, left, lineY, XStringFormats.TopLeft);
                    lineY += footerFont.GetHeight();
                }
            }
        }

        /// <summary>Draws one line at the cursor and moves the cursor down one line.</summary>
        private void Line(string text, XFont font, double x, double w, TextAlign align)
        {
            DrawAligned(text, font, x, y, w, align);
            y += font.GetHeight();
        }

        private void DrawAligned(string text, XFont font, double x, double top, double w, TextAlign align)
        {
            if (text.Length == 0)
                return;
            if (align == TextAlign.Justify)
            {
                var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var total = words.Sum(word => graphics.MeasureString(word, font).Width);
                if (words.Length > 1 && total < w)
                {
                    var gap = (w - total) / (words.Length - 1);
                    foreach (var word in words)
                    {
                        graphics.DrawString(word, font, XBrushes.Black, x, top, XStringFormats.TopLeft);
                        x += graphics.MeasureString(word, font).Width + gap;
                    }
                    return;
                }
                align = TextAlign.Left;
            }
            var offset = align switch
            {
                TextAlign.Center => (w - graphics.MeasureString(text, font).Width) / 2,
                TextAlign.Right => w - graphics.MeasureString(text, font).Width,
                _ => 0,
            };
            graphics.DrawString(text, font, XBrushes.Black, x + offset, top, XStringFormats.TopLeft);
        }

        /// <summary>
        /// Greedy word wrap by measured width; a word longer than the line is cut by characters. Widths add up (PDFsharp
        /// applies no kerning), so each word is measured once.
        /// </summary>
        private List<string> Wrap(string text, XFont font, double w)
        {
            var lines = new List<string>();
            var space = Width(" ", font);
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                var current = new StringBuilder();
                var currentWidth = 0.0;
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var wordWidth = Width(word, font);
                    var candidate = current.Length == 0 ? wordWidth : currentWidth + space + wordWidth;
                    if (candidate <= w)
                    {
                        if (current.Length > 0)
                            current.Append(' ');
                        current.Append(word);
                        currentWidth = candidate;
                        continue;
                    }
                    if (current.Length > 0)
                        lines.Add(current.ToString());
                    current.Clear();
                    var rest = word;
                    while (rest.Length > 1 && Width(rest, font) > w)
                    {
                        var take = rest.Length - 1;
                        while (take > 1 && Width(rest[..take], font) > w)
                            take--;
                        lines.Add(rest[..take]);
                        rest = rest[take..];
                    }
                    current.Append(rest);
                    currentWidth = Width(rest, font);
                }
                lines.Add(current.ToString());
            }
            return lines;
        }

        private double Width(string text, XFont font) => graphics.MeasureString(text, font).Width;

        private string Fill(string text)
        {
            var filled = text.Contains("{{", StringComparison.Ordinal)
                ? DocumentTemplateCatalog.Placeholder().Replace(text, match => DocumentValues.Format(Value(match.Groups[1].Value)))
                : text;
            return DocumentValues.Nfc(filled);
        }

        private object? Value(string name) =>
            model.TryGetValue(name, out var value) ? value
                : throw new KeyNotFoundException($"Dữ liệu thiếu '{name}' / The document model of '{template.Id}' has no '{name}'.");

        private XFont Font(double size, XFontStyleEx style)
        {
            if (!fonts.TryGetValue((size, style), out var font))
                fonts[(size, style)] = font = new XFont(family, size, style, options);
            return font;
        }

        private static CultureInfo Vi => DocumentValues.Vietnamese;
    }
}

/// <summary>How model values print: dates dd/MM/yyyy, numbers the Vietnamese way (8,5), lists of rows for tables.</summary>
public static class DocumentValues
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Format(object? value) => value switch
    {
        null => "",
        string text => Nfc(text),
        DateTime date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTimeOffset date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        bool flag => flag ? "Có" : "Không",
        IFormattable formattable => formattable.ToString(null, Vietnamese),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// The text in Unicode NFC, so that decomposed input (a letter then combining marks, as some keyboards send it)
    /// prints with the precomposed glyphs. Text made only of characters below U+0300 and of the Vietnamese block
    /// (U+1E00–U+1EFF) is already NFC: those characters have no decomposition that NFC would undo and none combines.
    /// </summary>
    public static string Nfc(string text)
    {
        foreach (var c in text)
            if (c >= '\u0300' && c is < '\u1E00' or > '\u1EFF')
                return text.IsNormalized() ? text : text.Normalize();
        return text;
    }

    public static DateTime? AsDate(object? value) => value switch
    {
        DateTime date => date,
        DateTimeOffset date => date.DateTime,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) => parsed.DateTime,
        _ => null,
    };

    public static IEnumerable<IReadOnlyDictionary<string, object?>> AsRows(object? value, string name)
    {
        if (value is null)
            yield break;
        if (value is string or not IEnumerable)
            throw new InvalidOperationException($"'{name}' phải là danh sách / The model's '{name}' must be a list of rows.");
        foreach (var item in (IEnumerable)value)
            yield return item switch
            {
                IReadOnlyDictionary<string, object?> row => row,
                IDictionary<string, object?> row => row.AsReadOnly(),
                _ => throw new InvalidOperationException($"Mỗi dòng của '{name}' phải là từ điển / Each row of '{name}' must be a dictionary."),
            };
    }

    /// <summary>A stable text form of the model (keys sorted) for the document ID.</summary>
    public static void Canonical(object? value, StringBuilder into)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> map:
                into.Append('{');
                foreach (var key in map.Keys.Order(StringComparer.Ordinal))
                {
                    into.Append(key).Append('=');
                    Canonical(map[key], into);
                    into.Append(';');
                }
                into.Append('}');
                break;
            case IDictionary<string, object?> map:
                Canonical(map.AsReadOnly(), into);
                break;
            case IEnumerable list and not string:
                into.Append('[');
                foreach (var item in list)
                {
                    Canonical(item, into);
                    into.Append(',');
                }
                into.Append(']');
                break;
            case DateTime or DateTimeOffset or DateOnly:
                into.Append(((IFormattable)value).ToString("O", CultureInfo.InvariantCulture));
                break;
            default:
                into.Append(value?.GetType().Name).Append(':').Append(Format(value));
                break;
        }
    }
}
