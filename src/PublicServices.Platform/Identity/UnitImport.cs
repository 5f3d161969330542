using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PublicServices.Platform.Persistence;

namespace PublicServices.Platform.Identity;

/// <summary>A problem of a units file, at its line (1 = the header).</summary>
public sealed record UnitImportProblem(int Line, string Message)
{
    public override string ToString() => $"{Line}: {Message}";
}

/// <summary>What an import did: units created, units whose data changed, units already as in the file.</summary>
public sealed record UnitImportSummary(int Created, int Updated, int Unchanged);

/// <summary>
/// Organisation units from a CSV file (UTF-8, comma-separated, a header row): columns <c>code, kind, nameVi, nameEn,
/// parent, place, superior</c> by name, in any order; other columns (an address…) are ignored. <c>kind</c> is a
/// <see cref="UnitKind"/> name (School, ProvincialDepartment, ExamCouncil, RecognitionCentre, Ministry) and may be left
/// out when the caller gives a default kind. A school coded like the exam's schools ("01-001": council, school) without
/// a parent belongs to the council's department ("sgd-01"). Names are stored in Unicode NFC.
/// </summary>
public static partial class UnitCsv
{
    public static readonly string[] Columns = ["code", "kind", "nameVi", "nameEn", "parent", "place", "superior"];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();

    /// <summary>"01-001": the 2-digit exam council, then the school's 3 digits.</summary>
    [GeneratedRegex("^(?<council>[0-9]{2})-[0-9]{3}$")]
    public static partial Regex ExamSchoolCode();

    /// <summary>Reads every row; each wrong value is a problem at its line. Units with problems are left out.</summary>
    public static List<(int Line, Unit Unit)> Read(TextReader text, UnitKind? defaultKind, List<UnitImportProblem> problems)
    {
        var rows = new List<(int, Unit)>();
        using var records = Records(text).GetEnumerator();
        if (!records.MoveNext() || records.Current.Fields.All(string.IsNullOrWhiteSpace))
        {
            problems.Add(new UnitImportProblem(1, "Tệp trống, thiếu dòng tiêu đề / The file is empty: a header row is needed."));
            return rows;
        }
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, i) in records.Current.Fields.Select((n, i) => (n.Trim().TrimStart('\uFEFF'), i)))
            index.TryAdd(name, i);
        var required = defaultKind is null ? new[] { "code", "kind", "nameVi", "nameEn" } : ["code", "nameVi", "nameEn"];
        var missing = required.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new UnitImportProblem(1, $"Thiếu cột {string.Join(", ", missing)} / Missing column(s) {string.Join(", ", missing)}; columns: {string.Join(", ", Columns)}."));
            return rows;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.All(string.IsNullOrWhiteSpace))
                continue;
            string? Field(string name) => index.TryGetValue(name, out var i) && i < fields.Count && fields[i].Trim() is { Length: > 0 } value
                ? value.Normalize(NormalizationForm.FormC) : null;
            var before = problems.Count;
            void Problem(string message) => problems.Add(new UnitImportProblem(line, message));
            string? Limited(string name, string? value, int max)
            {
                if (value is { Length: var length } && length > max)
                    Problem($"'{name}' dài quá {max} ký tự / '{name}' is longer than {max} characters.");
                return value;
            }

            var code = Field("code");
            if (code is null)
                Problem("Thiếu mã đơn vị / 'code' is empty.");
            else if (!CodePattern().IsMatch(code) || code.Length > 32)
                Problem($"Mã '{code}' không hợp lệ: chữ thường, chữ số và '-', tối đa 32 ký tự / Code '{code}' must be lowercase letters, digits and '-', at most 32 characters.");
            else if (seen.TryGetValue(code, out var first))
                Problem($"Mã '{code}' trùng với dòng {first} / Code '{code}' repeats line {first}.");
            else
                seen[code] = line;

            var kindText = Field("kind");
            UnitKind kind = default;
            if (kindText is null && defaultKind is { } fallback)
                kind = fallback;
            else if (kindText is null)
                Problem("Thiếu loại đơn vị / 'kind' is empty.");
            else if (!Enum.TryParse(kindText, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || kindText.All(char.IsDigit))
                Problem($"Loại '{kindText}' không có / Unknown kind '{kindText}': {string.Join(", ", Enum.GetNames<UnitKind>())}.");

            var nameVi = Limited("nameVi", Field("nameVi"), 256);
            var nameEn = Limited("nameEn", Field("nameEn"), 256);
            if (nameVi is null)
                Problem("Thiếu tên tiếng Việt / 'nameVi' is empty.");
            if (nameEn is null)
                Problem("Thiếu tên tiếng Anh / 'nameEn' is empty.");
            var parent = Limited("parent", Field("parent"), 32);
            var place = Limited("place", Field("place"), 64);
            var superior = Limited("superior", Field("superior"), 256);

            if (code is not null && ExamSchoolCode().Match(code) is { Success: true } school && kind == UnitKind.School)
            {
                var department = "sgd-" + school.Groups["council"].Value;
                parent ??= department;
                if (parent != department)
                    Problem($"Trường '{code}' thuộc hội đồng thi {school.Groups["council"].Value}: đơn vị cấp trên phải là '{department}', không phải '{parent}' / School '{code}' belongs to council {school.Groups["council"].Value}: its parent must be '{department}', not '{parent}'.");
            }
            if (parent is not null && parent == code)
                Problem($"Đơn vị '{code}' không thể là cấp trên của chính nó / Unit '{code}' cannot be its own parent.");

            if (problems.Count == before)
                rows.Add((line, new Unit
                {
                    Code = code!, NameVi = nameVi!, NameEn = nameEn!, Kind = kind, ParentCode = parent, Place = place, SuperiorNameVi = superior,
                }));
        }
        return rows;
    }

    /// <summary>
    /// The records of an RFC 4180 text (comma-separated; a field in double quotes may hold commas, line breaks and doubled
    /// quotes), each with the line it starts on.
    /// </summary>
    public static IEnumerable<(int Line, List<string> Fields)> Records(TextReader text)
    {
        var line = 0;
        while (text.ReadLine() is { } first)
        {
            line++;
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var current = first;
            var quoted = false;
            for (var i = 0; ; i++)
            {
                if (i == current.Length)
                {
                    if (quoted && text.ReadLine() is { } next)
                    {
                        line++;
                        field.Append('\n');
                        current = next;
                        i = -1;
                        continue;
                    }
                    break;
                }
                var c = current[i];
                if (quoted)
                {
                    if (c != '"')
                        field.Append(c);
                    else if (i + 1 < current.Length && current[i + 1] == '"')
                        field.Append(current[++i]);
                    else
                        quoted = false;
                }
                else if (c == '"' && field.Length == 0)
                    quoted = true;
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                    field.Append(c);
            }
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}

/// <summary>
/// Creates or updates units from a file, all or nothing: the whole file is checked first (values, duplicate codes,
/// every parent known in the file or the database) and nothing is written when anything is wrong.
/// </summary>
public sealed class UnitImport(AppDbContext db)
{
    /// <summary>Checks, then (unless <paramref name="dryRun"/>) creates the new units and updates the changed ones.</summary>
    public async Task<(UnitImportSummary? Summary, IReadOnlyList<UnitImportProblem> Problems, IReadOnlyList<Unit> Units)> ImportAsync(
        TextReader csv, UnitKind? defaultKind, bool dryRun, CancellationToken cancellationToken)
    {
        var problems = new List<UnitImportProblem>();
        var rows = UnitCsv.Read(csv, defaultKind, problems);
        var codes = rows.Select(r => r.Unit.Code).ToList();
        var parents = rows.Select(r => r.Unit.ParentCode).OfType<string>().Distinct().ToList();
        var known = (await db.Units.AsNoTracking().Where(u => parents.Contains(u.Code)).Select(u => u.Code).ToListAsync(cancellationToken)).ToHashSet();
        var inFile = codes.ToHashSet();
        foreach (var (line, unit) in rows)
            if (unit.ParentCode is { } parent && !inFile.Contains(parent) && !known.Contains(parent))
                problems.Add(new UnitImportProblem(line, $"Không có đơn vị cấp trên '{parent}' / Unknown parent unit '{parent}': import it first or in the same file."));
        if (problems.Count > 0)
            return (null, problems.OrderBy(p => p.Line).ToList(), []);

        var existing = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, cancellationToken);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var (_, unit) in rows)
        {
            if (!existing.TryGetValue(unit.Code, out var current))
            {
                db.Units.Add(unit);
                created++;
            }
            else if ((current.NameVi, current.NameEn, current.Kind, current.ParentCode, current.Place, current.SuperiorNameVi)
                     == (unit.NameVi, unit.NameEn, unit.Kind, unit.ParentCode, unit.Place, unit.SuperiorNameVi))
                unchanged++;
            else
            {
                (current.NameVi, current.NameEn, current.Kind, current.ParentCode, current.Place, current.SuperiorNameVi) =
                    (unit.NameVi, unit.NameEn, unit.Kind, unit.ParentCode, unit.Place, unit.SuperiorNameVi);
                updated++;
            }
        }
        if (!dryRun)
            await db.SaveChangesAsync(cancellationToken);
        else
            db.ChangeTracker.Clear();
        return (new UnitImportSummary(created, updated, unchanged), [], rows.Select(r => r.Unit).ToList());
    }

    /// <summary>Adds the file's units whose codes are not in the database yet and changes no existing unit (the demo seed).</summary>
    public async Task<int> AddMissingAsync(string file, CancellationToken cancellationToken)
    {
        var problems = new List<UnitImportProblem>();
        using var reader = new StreamReader(file, Encoding.UTF8);
        var rows = UnitCsv.Read(reader, null, problems);
        if (problems.Count > 0)
            throw new InvalidOperationException($"{file}:\n" + string.Join("\n", problems));
        var existing = (await db.Units.AsNoTracking().Select(u => u.Code).ToListAsync(cancellationToken)).ToHashSet();
        var added = rows.Select(r => r.Unit).Where(u => !existing.Contains(u.Code)).ToList();
        db.Units.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return added.Count;
    }
}
