using System.Buffers.Binary;

namespace PublicServices.Platform.Documents;

/// <summary>
/// Cuts a TrueType font down, once per process, to the characters Vietnamese documents use (Basic Latin, Latin-1,
/// Latin Extended-A, ơ ư, the Vietnamese block U+1EA0–U+1EF9, common punctuation, ₫ €), with glyphs renumbered from 0,
/// hinting removed (PDF viewers rasterise without it) and nested composite glyphs flattened.
/// <para>
/// Why: PDFsharp subsets a font per document but keeps the metrics and location entries of every glyph of the source
/// font (Noto Serif has 3,255), and compresses that subset for every document: about 17 KB and a third of the rendering
/// time per face. Over the compact font the per-document subset holds a few hundred entries. Flattening matters
/// because PDFsharp's subsetter follows composite glyphs one level deep: DejaVu builds ễ from ê (itself e + ˆ) and a
/// tilde, and lost the circumflex.
/// </para>
/// </summary>
public sealed class CompactFont
{
    private const ushort ArgsAreWords = 0x0001, ArgsAreXy = 0x0002, HasScale = 0x0008, MoreComponents = 0x0020,
        HasXyScale = 0x0040, HasTwoByTwo = 0x0080, HasInstructions = 0x0100, UseMyMetrics = 0x0200, ScaledOffset = 0x0800;

    /// <summary>The characters a compact font keeps (when the source font has them).</summary>
    public static readonly IReadOnlyList<int> CodePoints =
    [
        .. Enumerable.Range(0x20, 0x7F - 0x20),           // Basic Latin
        .. Enumerable.Range(0xA0, 0x100 - 0xA0),          // Latin-1 Supplement
        .. Enumerable.Range(0x100, 0x180 - 0x100),        // Latin Extended-A (Ă ă Đ đ Ĩ ĩ Ũ ũ …)
        0x1A0, 0x1A1, 0x1AF, 0x1B0,                       // Ơ ơ Ư ư
        0x2C6, 0x2DC,                                     // ˆ ˜
        .. Enumerable.Range(0x1EA0, 0x1EFA - 0x1EA0),     // Latin Extended Additional: the Vietnamese letters
        .. Enumerable.Range(0x2010, 0x2027 - 0x2010),     // dashes, quotes, bullet, ellipsis
        0x2030, 0x2039, 0x203A, 0x20AB, 0x20AC, 0x2116, 0x2122, 0x2212,
    ];

    private CompactFont(byte[] data, int glyphCount, bool[] covers, int nestedComposites)
    {
        Data = data;
        GlyphCount = glyphCount;
        this.covers = covers;
        NestedComposites = nestedComposites;
    }

    private readonly bool[] covers;

    /// <summary>The compact font file (TrueType).</summary>
    public byte[] Data { get; }

    public int GlyphCount { get; }

    /// <summary>Composite glyphs that still have a composite component (could not be flattened); 0 for Noto and DejaVu.</summary>
    public int NestedComposites { get; }

    /// <summary>True when every character of <paramref name="text"/> has a glyph in the compact font.</summary>
    public bool Covers(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (c >= covers.Length || !covers[c])
                return false;
        return true;
    }

    /// <summary>Builds the compact font, or null when the font has no TrueType outlines ('glyf') or no Unicode cmap.</summary>
    public static CompactFont? Build(byte[] font)
    {
        var tables = ReadTables(font);
        if (!tables.ContainsKey("glyf") || !tables.ContainsKey("loca") || !tables.ContainsKey("cmap") || !tables.ContainsKey("hmtx"))
            return null;
        var head = Table(font, tables, "head");
        var maxp = Table(font, tables, "maxp");
        var hhea = Table(font, tables, "hhea");
        var hmtx = Table(font, tables, "hmtx");
        var loca = Table(font, tables, "loca");
        var glyf = Table(font, tables, "glyf").ToArray();
        var numGlyphs = U16(maxp, 4);
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(head[50..]) == 1;
        var offsets = new int[numGlyphs + 1];
        for (var i = 0; i <= numGlyphs; i++)
            offsets[i] = longLoca ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * i)..]) : U16(loca, 2 * i) * 2;
        byte[] Glyph(int gid) => gid < numGlyphs && offsets[gid + 1] > offsets[gid] ? glyf[offsets[gid]..offsets[gid + 1]] : [];

        var lookup = ReadCmap(Table(font, tables, "cmap"));
        if (lookup is null)
            return null;
        var mapped = new SortedDictionary<int, int>();
        foreach (var cp in CodePoints)
            if (lookup(cp) is var gid and > 0 and < ushort.MaxValue && gid < numGlyphs)
                mapped[cp] = gid;

        // Glyph closure: .notdef, every mapped glyph and, recursively, the components of composites.
        var used = new SortedSet<int> { 0 };
        var pending = new Stack<int>(mapped.Values);
        while (pending.Count > 0)
        {
            var gid = pending.Pop();
            if (!used.Add(gid))
                continue;
            foreach (var component in Components(Glyph(gid)))
                if (!used.Contains(component.Glyph))
                    pending.Push(component.Glyph);
        }
        var order = used.ToArray();
        var newId = new Dictionary<int, int>(order.Length);
        for (var i = 0; i < order.Length; i++)
            newId[order[i]] = i;

        // glyf and loca: hinting stripped, composites flattened and renumbered, each glyph padded to 4 bytes.
        var nested = 0;
        var glyphs = new MemoryStream();
        var newLoca = new int[order.Length + 1];
        for (var i = 0; i < order.Length; i++)
        {
            newLoca[i] = (int)glyphs.Length;
            var data = Glyph(order[i]);
            if (data.Length == 0)
                continue;
            byte[] rewritten;
            if (BinaryPrimitives.ReadInt16BigEndian(data) >= 0)
                rewritten = StripInstructions(data);
            else
            {
                var components = Flatten(Components(data), Glyph, depth: 0);
                if (components.Any(c => Components(Glyph(c.Glyph)).Count > 0))
                    nested++;
                rewritten = WriteComposite(data.AsSpan(0, 10), components, newId);
            }
            glyphs.Write(rewritten);
            while (glyphs.Length % 4 != 0)
                glyphs.WriteByte(0);
        }
        newLoca[order.Length] = (int)glyphs.Length;

        var numberOfHMetrics = U16(hhea, 34);
        var newHmtx = new byte[order.Length * 4];
        for (var i = 0; i < order.Length; i++)
        {
            var old = order[i];
            var advance = U16(hmtx, 4 * Math.Min(old, numberOfHMetrics - 1));
            var lsb = old < numberOfHMetrics ? U16(hmtx, 4 * old + 2) : U16(hmtx, 4 * numberOfHMetrics + 2 * (old - numberOfHMetrics));
            BinaryPrimitives.WriteUInt16BigEndian(newHmtx.AsSpan(4 * i), advance);
            BinaryPrimitives.WriteUInt16BigEndian(newHmtx.AsSpan(4 * i + 2), lsb);
        }
        var newHhea = hhea.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(newHhea.AsSpan(34), (ushort)order.Length);
        var newMaxp = maxp.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(newMaxp.AsSpan(4), (ushort)order.Length);
        if (newMaxp.Length >= 32)
            BinaryPrimitives.WriteUInt16BigEndian(newMaxp.AsSpan(26), 0); // maxSizeOfInstructions
        var newHead = head.ToArray();
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), 1); // long loca
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0); // checkSumAdjustment, set below
        var locaBytes = new byte[newLoca.Length * 4];
        for (var i = 0; i < newLoca.Length; i++)
            BinaryPrimitives.WriteUInt32BigEndian(locaBytes.AsSpan(4 * i), (uint)newLoca[i]);

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["cmap"] = WriteCmap(mapped.Select(p => (p.Key, newId[p.Value])).ToList()),
            ["glyf"] = glyphs.ToArray(),
            ["head"] = newHead,
            ["hhea"] = newHhea,
            ["hmtx"] = newHmtx,
            ["loca"] = locaBytes,
            ["maxp"] = newMaxp,
        };
        if (tables.ContainsKey("OS/2"))
            output["OS/2"] = Table(font, tables, "OS/2").ToArray();
        output["name"] = WriteName(tables.ContainsKey("name") ? ReadNames(Table(font, tables, "name")) : []);
        if (tables.ContainsKey("post"))
        {
            var post = Table(font, tables, "post")[..Math.Min(32, tables["post"].Length)].ToArray();
            BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000); // no glyph names
            output["post"] = post;
        }
        var file = Assemble(output);

        var covers = new bool[0x10000];
        foreach (var cp in mapped.Keys)
            covers[cp] = true;
        foreach (var c in "\n\r\t")
            covers[c] = true;
        return new CompactFont(file, order.Length, covers, nested);
    }

    private readonly record struct Component(ushort Flags, int Glyph, int Arg1, int Arg2, byte[] Transform);

    private static List<Component> Components(byte[] glyph)
    {
        var list = new List<Component>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0)
            return list;
        var at = 10;
        while (true)
        {
            var flags = U16(glyph, at);
            var gid = U16(glyph, at + 2);
            at += 4;
            int arg1, arg2;
            if ((flags & ArgsAreWords) != 0)
            {
                arg1 = (flags & ArgsAreXy) != 0 ? BinaryPrimitives.ReadInt16BigEndian(glyph.AsSpan(at)) : U16(glyph, at);
                arg2 = (flags & ArgsAreXy) != 0 ? BinaryPrimitives.ReadInt16BigEndian(glyph.AsSpan(at + 2)) : U16(glyph, at + 2);
                at += 4;
            }
            else
            {
                arg1 = (flags & ArgsAreXy) != 0 ? (sbyte)glyph[at] : glyph[at];
                arg2 = (flags & ArgsAreXy) != 0 ? (sbyte)glyph[at + 1] : glyph[at + 1];
                at += 2;
            }
            var transformLength = (flags & HasScale) != 0 ? 2 : (flags & HasXyScale) != 0 ? 4 : (flags & HasTwoByTwo) != 0 ? 8 : 0;
            list.Add(new Component(flags, gid, arg1, arg2, glyph[at..(at + transformLength)]));
            at += transformLength;
            if ((flags & MoreComponents) == 0)
                return list;
        }
    }

    /// <summary>
    /// Replaces a component that is itself composite by its own components, offsets added, when that is exact: the
    /// outer component is placed by an x/y offset without a transform, and the inner offsets are not scaled.
    /// </summary>
    private static List<Component> Flatten(List<Component> components, Func<int, byte[]> glyph, int depth)
    {
        var result = new List<Component>();
        foreach (var component in components)
        {
            var inner = depth < 8 ? Components(glyph(component.Glyph)) : [];
            var flattenable = inner.Count > 0 && (component.Flags & ArgsAreXy) != 0 && component.Transform.Length == 0
                && inner.All(c => (c.Flags & ArgsAreXy) != 0 && (c.Transform.Length == 0 || (c.Flags & ScaledOffset) == 0));
            if (!flattenable)
            {
                result.Add(component);
                continue;
            }
            // Every component returned was checked by the condition above at its own level: x/y offsets, and a transform
            // only without scaled offsets, so adding this component's offset places it exactly.
            foreach (var c in Flatten(inner, glyph, depth + 1))
                result.Add(c with
                {
                    Flags = (ushort)((c.Flags & ~UseMyMetrics) | ArgsAreWords),
                    Arg1 = c.Arg1 + component.Arg1,
                    Arg2 = c.Arg2 + component.Arg2,
                });
        }
        return result;
    }

    private static byte[] WriteComposite(ReadOnlySpan<byte> header, List<Component> components, Dictionary<int, int> newId)
    {
        var output = new MemoryStream();
        output.Write(header);
        Span<byte> buffer = stackalloc byte[8];
        for (var i = 0; i < components.Count; i++)
        {
            var c = components[i];
            var words = (c.Flags & ArgsAreWords) != 0 || c.Arg1 is < -128 or > 127 || c.Arg2 is < -128 or > 127
                || ((c.Flags & ArgsAreXy) == 0 && (c.Arg1 > 255 || c.Arg2 > 255));
            var flags = (ushort)(c.Flags & ~(MoreComponents | HasInstructions | ArgsAreWords));
            if (words)
                flags |= ArgsAreWords;
            if (i < components.Count - 1)
                flags |= MoreComponents;
            BinaryPrimitives.WriteUInt16BigEndian(buffer, flags);
            BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], (ushort)newId[c.Glyph]);
            output.Write(buffer[..4]);
            if (words)
            {
                BinaryPrimitives.WriteInt16BigEndian(buffer, checked((short)c.Arg1));
                BinaryPrimitives.WriteInt16BigEndian(buffer[2..], checked((short)c.Arg2));
                output.Write(buffer[..4]);
            }
            else
            {
                output.WriteByte((byte)c.Arg1);
                output.WriteByte((byte)c.Arg2);
            }
            output.Write(c.Transform);
        }
        return output.ToArray();
    }

    private static byte[] StripInstructions(byte[] glyph)
    {
        var contours = BinaryPrimitives.ReadInt16BigEndian(glyph);
        var at = 10 + 2 * contours;
        var instructions = U16(glyph, at);
        if (instructions == 0)
            return glyph;
        var result = new byte[glyph.Length - instructions];
        glyph.AsSpan(0, at).CopyTo(result);
        // instructionLength stays 0 (the two bytes are already zero).
        glyph.AsSpan(at + 2 + instructions).CopyTo(result.AsSpan(at + 2));
        return result;
    }

    private static Func<int, int>? ReadCmap(ReadOnlySpan<byte> cmap)
    {
        var count = U16(cmap, 2);
        int format4 = -1, format12 = -1;
        for (var i = 0; i < count; i++)
        {
            var platform = U16(cmap, 4 + 8 * i);
            var encoding = U16(cmap, 6 + 8 * i);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(cmap[(8 + 8 * i)..]);
            var format = U16(cmap, offset);
            if (format == 12 && (platform == 3 && encoding == 10 || platform == 0))
                format12 = offset;
            else if (format == 4 && (platform == 3 && encoding == 1 || platform == 0))
                format4 = offset;
        }
        var table = cmap.ToArray();
        if (format12 >= 0)
        {
            var groups = (int)BinaryPrimitives.ReadUInt32BigEndian(table.AsSpan(format12 + 12));
            return cp =>
            {
                for (var g = 0; g < groups; g++)
                {
                    var at = format12 + 16 + 12 * g;
                    var start = BinaryPrimitives.ReadUInt32BigEndian(table.AsSpan(at));
                    var end = BinaryPrimitives.ReadUInt32BigEndian(table.AsSpan(at + 4));
                    if (cp >= start && cp <= end)
                        return (int)(BinaryPrimitives.ReadUInt32BigEndian(table.AsSpan(at + 8)) + (cp - start));
                }
                return 0;
            };
        }
        if (format4 < 0)
            return null;
        var segments = U16(table, format4 + 6) / 2;
        var ends = format4 + 14;
        var starts = ends + 2 * segments + 2;
        var deltas = starts + 2 * segments;
        var rangeOffsets = deltas + 2 * segments;
        return cp =>
        {
            if (cp > 0xFFFF)
                return 0;
            for (var s = 0; s < segments; s++)
            {
                if (U16(table, ends + 2 * s) < cp)
                    continue;
                var start = U16(table, starts + 2 * s);
                if (start > cp)
                    return 0;
                var delta = U16(table, deltas + 2 * s);
                var rangeOffset = U16(table, rangeOffsets + 2 * s);
                if (rangeOffset == 0)
                    return (cp + delta) & 0xFFFF;
                var glyph = U16(table, rangeOffsets + 2 * s + rangeOffset + 2 * (cp - start));
                return glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
            }
            return 0;
        };
    }

    /// <summary>A cmap with one (3,1) format 4 subtable: one segment per run of consecutive characters and glyphs.</summary>
    private static byte[] WriteCmap(List<(int CodePoint, int Glyph)> map)
    {
        var segments = new List<(int Start, int End, int Delta)>();
        foreach (var (cp, gid) in map)
        {
            if (segments.Count > 0 && segments[^1].End == cp - 1 && segments[^1].Delta == gid - cp)
                segments[^1] = segments[^1] with { End = cp };
            else
                segments.Add((cp, cp, gid - cp));
        }
        segments.Add((0xFFFF, 0xFFFF, 1));
        var n = segments.Count;
        var length = 16 + 8 * n;
        var table = new byte[12 + length];
        var s = table.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(s[2..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(s[4..], 3);
        BinaryPrimitives.WriteUInt16BigEndian(s[6..], 1);
        BinaryPrimitives.WriteUInt32BigEndian(s[8..], 12);
        var f = s[12..];
        BinaryPrimitives.WriteUInt16BigEndian(f, 4);
        BinaryPrimitives.WriteUInt16BigEndian(f[2..], (ushort)length);
        BinaryPrimitives.WriteUInt16BigEndian(f[6..], (ushort)(2 * n));
        var entrySelector = (int)Math.Floor(Math.Log2(n));
        var searchRange = 2 * (1 << entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(f[8..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(f[10..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(f[12..], (ushort)(2 * n - searchRange));
        for (var i = 0; i < n; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(f[(14 + 2 * i)..], (ushort)segments[i].End);
            BinaryPrimitives.WriteUInt16BigEndian(f[(16 + 2 * n + 2 * i)..], (ushort)segments[i].Start);
            BinaryPrimitives.WriteUInt16BigEndian(f[(16 + 4 * n + 2 * i)..], (ushort)(segments[i].Delta & 0xFFFF));
            // idRangeOffset stays 0.
        }
        return table;
    }

    /// <summary>The Windows English (platform 3, encoding 1, language 0x409) names by name ID.</summary>
    private static Dictionary<int, string> ReadNames(ReadOnlySpan<byte> name)
    {
        var names = new Dictionary<int, string>();
        var count = U16(name, 2);
        var strings = U16(name, 4);
        for (var i = 0; i < count; i++)
        {
            var at = 6 + 12 * i;
            if (U16(name, at) != 3 || U16(name, at + 2) != 1 || U16(name, at + 4) != 0x409)
                continue;
            var length = U16(name, at + 8);
            var offset = U16(name, at + 10);
            names[U16(name, at + 6)] = System.Text.Encoding.BigEndianUnicode.GetString(name.Slice(strings + offset, length));
        }
        return names;
    }

    /// <summary>
    /// A name table naming the compact font apart from its source ("Noto Serif VN"): PDFsharp keys font faces by
    /// their full name, so the compact and the full face of one file must differ. Copyright and licence are kept.
    /// </summary>
    private static byte[] WriteName(Dictionary<int, string> source)
    {
        var family = source.GetValueOrDefault(1, "PublicServices Serif") + " VN";
        var style = source.GetValueOrDefault(2, "Regular");
        var names = new SortedDictionary<int, string>
        {
            [1] = family,
            [2] = style,
            [4] = family + " " + style,
            [6] = (family + "-" + style).Replace(" ", "", StringComparison.Ordinal),
        };
        foreach (var id in new[] { 0, 13, 14 })
            if (source.TryGetValue(id, out var value))
                names[id] = value;
        var strings = new MemoryStream();
        var table = new MemoryStream();
        Span<byte> buffer = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(buffer, 0);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], (ushort)names.Count);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[4..], (ushort)(6 + 12 * names.Count));
        table.Write(buffer[..6]);
        foreach (var (id, value) in names)
        {
            var bytes = System.Text.Encoding.BigEndianUnicode.GetBytes(value);
            BinaryPrimitives.WriteUInt16BigEndian(buffer, 3);
            BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], 1);
            BinaryPrimitives.WriteUInt16BigEndian(buffer[4..], 0x409);
            BinaryPrimitives.WriteUInt16BigEndian(buffer[6..], (ushort)id);
            BinaryPrimitives.WriteUInt16BigEndian(buffer[8..], (ushort)bytes.Length);
            BinaryPrimitives.WriteUInt16BigEndian(buffer[10..], (ushort)strings.Length);
            table.Write(buffer);
            strings.Write(bytes);
        }
        strings.WriteTo(table);
        return table.ToArray();
    }

    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        var n = tables.Count;
        var entrySelector = (int)Math.Floor(Math.Log2(n));
        var searchRange = 16 * (1 << entrySelector);
        var size = 12 + 16 * n + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var file = new byte[size];
        var s = file.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(s, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(s[4..], (ushort)n);
        BinaryPrimitives.WriteUInt16BigEndian(s[6..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(s[8..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(s[10..], (ushort)(16 * n - searchRange));
        var offset = 12 + 16 * n;
        var record = 12;
        var headOffset = 0;
        foreach (var (tag, data) in tables)
        {
            data.CopyTo(file, offset);
            var padded = (data.Length + 3) & ~3;
            for (var i = 0; i < 4; i++)
                s[record + i] = (byte)tag[i];
            BinaryPrimitives.WriteUInt32BigEndian(s[(record + 4)..], Checksum(s.Slice(offset, padded)));
            BinaryPrimitives.WriteUInt32BigEndian(s[(record + 8)..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(s[(record + 12)..], (uint)data.Length);
            if (tag == "head")
                headOffset = offset;
            offset += padded;
            record += 16;
        }
        BinaryPrimitives.WriteUInt32BigEndian(s[(headOffset + 8)..], 0xB1B0AFBA - Checksum(s));
        return file;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 3 < data.Length; i += 4)
            sum += BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
        return sum;
    }

    private static Dictionary<string, (int Offset, int Length)> ReadTables(byte[] font)
    {
        var count = U16(font, 4);
        var tables = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var at = 12 + 16 * i;
            var tag = System.Text.Encoding.ASCII.GetString(font, at, 4);
            tables[tag] = ((int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(at + 8)), (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(at + 12)));
        }
        return tables;
    }

    private static ReadOnlySpan<byte> Table(byte[] font, Dictionary<string, (int Offset, int Length)> tables, string tag) =>
        tables.TryGetValue(tag, out var t) ? font.AsSpan(t.Offset, t.Length)
            : throw new InvalidDataException($"The font has no '{tag}' table.");

    private static ushort U16(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt16BigEndian(data[at..]);

    private static ushort U16(byte[] data, int at) => BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at));
}
