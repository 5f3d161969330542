namespace PublicServices.Platform.Documents;

/// <summary>
/// A declarative PDF document (templates/documents/*.yaml): A4 page, margins in millimetres, the placeholders the
/// document model must provide and an ordered list of blocks drawn top to bottom.
/// </summary>
public sealed record DocumentTemplate(
    string Id,
    string Title,
    PageMargins Margins,
    IReadOnlyList<string> Placeholders,
    IReadOnlyList<DocumentBlock> Blocks,
    string SourceHash)
{
    public FooterBlock? Footer => Blocks.OfType<FooterBlock>().FirstOrDefault();

    /// <summary>Printed after the agency's yearly sequence: "15/2026/BSVB" (Decree 30/2020 numbering: number/year/kind).</summary>
    public string? NumberSuffix { get; init; }
}

/// <summary>Margins in millimetres (Decree 30/2020: top and bottom 20–25, left 30–35, right 15–20).</summary>
public sealed record PageMargins(double Top, double Right, double Bottom, double Left)
{
    public static readonly PageMargins Default = new(20, 15, 20, 30);
}

public enum TextAlign { Left, Center, Right, Justify }

public abstract record DocumentBlock;

/// <summary>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc, centred, bold, with the rule below.</summary>
public sealed record NationalHeaderBlock : DocumentBlock;

/// <summary>The issuing agency's name, left, uppercase, bold.</summary>
public sealed record AgencyBlock(string Text, string? Parent) : DocumentBlock;

/// <summary>"Số: …" on the left and "Place, ngày dd tháng MM năm yyyy" (from a date placeholder) on the right.</summary>
public sealed record NumberDateBlock(string Number, string DatePlaceholder, string Place) : DocumentBlock;

public sealed record TitleBlock(string Text, string? Subtitle) : DocumentBlock;

public sealed record ParagraphBlock(string Text, bool Bold, bool Italic, TextAlign Align) : DocumentBlock;

public sealed record FieldRow(string Label, string Value);

public sealed record FieldsBlock(IReadOnlyList<FieldRow> Rows, double LabelWidthPercent) : DocumentBlock;

/// <summary>A column of a table; with <see cref="CodeList"/>, a cell holding a code of that list prints the code's Vietnamese name.</summary>
public sealed record TableColumn(string Header, string Key, double WidthPercent, TextAlign Align, string? CodeList = null);

/// <summary>Rows from a list placeholder (a list of dictionaries); the header repeats on every page.</summary>
public sealed record TableBlock(string RowsPlaceholder, IReadOnlyList<TableColumn> Columns) : DocumentBlock;

/// <summary>A right-aligned block: title, the "Đã ký số" line, the signer's name.</summary>
public sealed record SignatureBlock(string Title, string Name, string? SignedText) : DocumentBlock;

/// <summary>A QR code of the placeholder's value (the verification address), drawn as vector squares.</summary>
public sealed record QrBlock(string ValuePlaceholder, double SizeMm, TextAlign Align, string? Caption) : DocumentBlock;

/// <summary>Small text at the bottom of every page.</summary>
public sealed record FooterBlock(string Text) : DocumentBlock;
