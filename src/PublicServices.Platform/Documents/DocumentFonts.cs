using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace PublicServices.Platform.Documents;

/// <summary>
/// The serif font of every PDF, found on the system: <c>Documents:FontPath</c> if set, else
/// /usr/share/fonts/truetype/noto (Noto Serif from fonts-noto-core), else DejaVu Serif.
/// <para>
/// Two families are offered to PDFsharp. <see cref="Family"/> is the <see cref="CompactFont"/> of each face (the
/// characters of Vietnamese documents, a few hundred glyphs, built once per process): PDFsharp subsets it per document
/// quickly and small. <see cref="FullFamily"/> is the font files as installed, for a document with a character the
/// compact font lacks (<see cref="Covers"/>). PDFsharp's subsetter drops the nested parts of DejaVu's composite glyphs
/// (ễ prints as e with one mark): the compact font flattens them, and the full DejaVu is embedded whole
/// (<see cref="EmbedCompleteFontFile"/>).
/// </para>
/// </summary>
public sealed class DocumentFonts : IFontResolver
{
    public const string Family = "PublicServices Serif";
    public const string FullFamily = "PublicServices Serif Full";
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
    private readonly Lazy<CompactFont?[]> compact;
    private readonly Lazy<bool[]?> coverage;

    private DocumentFonts(string familyName, string?[] files, bool embedCompleteFontFile)
    {
        FamilyName = familyName;
        this.files = files;
        EmbedCompleteFontFile = embedCompleteFontFile;
        compact = new(() => files.Select(f => f is null ? null : CompactFont.Build(Read(f))).ToArray());
        coverage = new(() =>
        {
            var faces = compact.Value.Where((c, i) => files[i] is not null).ToList();
            if (faces.Count == 0 || faces.Any(f => f is null))
                return null;
            var covers = new bool[0x10000];
            for (var c = 0; c < covers.Length; c++)
                covers[c] = faces.TrueForAll(f => f!.Covers([(char)c]));
            return covers;
        });
    }

    /// <summary>The family found, e.g. "Noto Serif".</summary>
    public string FamilyName { get; }

    public string RegularFile => files[0]!;

    /// <summary>True for DejaVu: the full family (<see cref="FullFamily"/>) is embedded whole, never subset.</summary>
    public bool EmbedCompleteFontFile { get; }

    /// <summary>
    /// True when the compact faces still hold composite glyphs made of composites (none for Noto, Liberation or DejaVu):
    /// then they too are embedded whole rather than subset.
    /// </summary>
    public bool EmbedCompleteCompactFont => compact.Value.Any(c => c is { NestedComposites: > 0 });

    /// <summary>The compact regular face (for tests and diagnostics); null when the font could not be compacted.</summary>
    public CompactFont? CompactRegular => compact.Value[0];

    /// <summary>True when every character of <paramref name="text"/> prints with the compact family.</summary>
    public bool Covers(ReadOnlySpan<char> text)
    {
        if (coverage.Value is not { } covers)
            return false;
        foreach (var c in text)
            if (!covers[c])
                return false;
        return true;
    }

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
        var prefix = string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase) ? CompactPrefix
            : string.Equals(familyName, FullFamily, StringComparison.OrdinalIgnoreCase) ? FullPrefix
            : null;
        if (prefix is null)
            return null;
        var index = (bold ? 1 : 0) + (italic ? 2 : 0);
        if (files[index] is not null)
            return new FontResolverInfo(prefix + index);
        // Simulate what is missing: italic from the upright face of the same weight, bold from regular.
        var upright = bold && files[1] is not null ? 1 : 0;
        return new FontResolverInfo(prefix + upright, mustSimulateBold: bold && upright == 0, mustSimulateItalic: italic);
    }

    private const string CompactPrefix = "ps-", FullPrefix = "psf-";

    public byte[]? GetFont(string faceName)
    {
        var isCompact = faceName.StartsWith(CompactPrefix, StringComparison.Ordinal);
        if (!isCompact && !faceName.StartsWith(FullPrefix, StringComparison.Ordinal))
            return null;
        if (!int.TryParse(faceName.AsSpan(isCompact ? CompactPrefix.Length : FullPrefix.Length), out var index) || index is < 0 or > 3 || files[index] is not { } file)
            return null;
        return isCompact && compact.Value[index] is { } small ? small.Data : Read(file);
    }

    private byte[] Read(string file) => data.GetOrAdd(file, File.ReadAllBytes);
}
