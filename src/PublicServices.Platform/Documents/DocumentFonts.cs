using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace PublicServices.Platform.Documents;

/// <summary>
/// The serif font of every PDF, found on the system: <c>Documents:FontPath</c> if set, else
/// /usr/share/fonts/truetype/noto (Noto Serif from fonts-noto-core), else DejaVu Serif. PDFsharp's subsetter drops
/// the nested parts of DejaVu's composite glyphs (ễ prints as e with one mark), so with DejaVu the whole font file is
/// embedded (<see cref="EmbedCompleteFontFile"/>); Noto and Liberation subset correctly.
/// </summary>
public sealed class DocumentFonts : IFontResolver
{
    public const string Family = "PublicServices Serif";
    public const string NotoFolder = "/usr/share/fonts/truetype/noto";
    public const string DejaVuFolder = "/usr/share/fonts/truetype/dejavu";

    /// <summary>Font families in order of preference, as file names for regular, bold, italic, bold italic.</summary>
    private static readonly (string Name, string[] Files, bool SubsetBreaksMarks)[] Candidates =
    [
        ("Noto Serif", ["NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf", "NotoSerif-BoldItalic.ttf"], false),
        ("Noto Sans", ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf"], false),
        ("Liberation Serif", ["LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"], false),
        ("DejaVu Serif", ["DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf"], true),
    ];

    private static readonly Lock InstallLock = new();
    private static DocumentFonts? installed;

    /// <summary>Regular, bold, italic, bold italic; a missing style is null and simulated from regular or bold.</summary>
    private readonly string?[] files;
    private readonly ConcurrentDictionary<string, byte[]> data = new(StringComparer.Ordinal);

    private DocumentFonts(string familyName, string?[] files, bool embedCompleteFontFile)
    {
        FamilyName = familyName;
        this.files = files;
        EmbedCompleteFontFile = embedCompleteFontFile;
    }

    /// <summary>The family found, e.g. "Noto Serif".</summary>
    public string FamilyName { get; }

    public string RegularFile => files[0]!;

    /// <summary>True for DejaVu: embed the complete font file, never a subset.</summary>
    public bool EmbedCompleteFontFile { get; }

    /// <summary>Finds the fonts: the configured folder (searched recursively), then Noto, then DejaVu.</summary>
    public static DocumentFonts Locate(string? configuredFolder)
    {
        var folders = new List<string>();
        if (!string.IsNullOrWhiteSpace(configuredFolder))
            folders.Add(configuredFolder);
        folders.Add(NotoFolder);
        folders.Add(DejaVuFolder);
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var available = Directory.EnumerateFiles(folder, "*.ttf", SearchOption.AllDirectories)
                .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key!, g => g.Order(StringComparer.Ordinal).First(), StringComparer.OrdinalIgnoreCase);
            foreach (var (name, names, subsetBreaksMarks) in Candidates)
            {
                if (!available.TryGetValue(names[0], out var regular))
                    continue;
                var found = names.Select(n => available.GetValueOrDefault(n)).ToArray();
                found[0] = regular;
                return new DocumentFonts(name, found, subsetBreaksMarks);
            }
        }
        throw new InvalidOperationException(
            $"Không tìm thấy phông chữ / No font for PDF documents: set Documents:FontPath or install fonts-noto-core ({NotoFolder}) or fonts-dejavu-core.");
    }

    /// <summary>
    /// PDFsharp takes one font resolver per process, set before any font is used. The first fonts installed win;
    /// later calls get that same instance (tests and the web host in one process share it).
    /// </summary>
    public static DocumentFonts Install(DocumentFonts fonts)
    {
        lock (InstallLock)
        {
            if (installed is not null)
                return installed;
            GlobalFontSettings.FontResolver = fonts;
            installed = fonts;
            return fonts;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase))
            return null;
        var index = (bold ? 1 : 0) + (italic ? 2 : 0);
        if (files[index] is not null)
            return new FontResolverInfo("ps-" + index);
        // Simulate what is missing: italic from the upright face of the same weight, bold from regular.
        var upright = bold && files[1] is not null ? 1 : 0;
        return new FontResolverInfo("ps-" + upright, mustSimulateBold: bold && upright == 0, mustSimulateItalic: italic);
    }

    public byte[]? GetFont(string faceName) =>
        faceName.StartsWith("ps-", StringComparison.Ordinal) && int.TryParse(faceName.AsSpan(3), out var index) && index is >= 0 and < 4 && files[index] is { } file
            ? data.GetOrAdd(file, File.ReadAllBytes)
            : null;
}
