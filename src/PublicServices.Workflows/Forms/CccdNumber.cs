namespace PublicServices.Workflows.Forms;

/// <summary>
/// A 12-digit citizen ID (CCCD / số định danh cá nhân), checked by structure — there is no check digit:
/// digits 1–3 the province of birth registration (one of the 63 domestic codes, or a code not starting with 0 for a
/// birth abroad), digit 4 century and gender (even male, odd female; 0/1 1900s, 2/3 2000s, …), digits 5–6 the birth year.
/// The 9-digit CMND is a different, retired card and is refused.
/// </summary>
public sealed record CccdNumber(string Value, string ProvinceCode, bool BornAbroad, bool Female, int BirthYear)
{
    /// <summary>The 63 province codes in use before the July 2025 merger (as listed with the shared CCCD examples).</summary>
    private static readonly HashSet<string> DomesticCodes = ["001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096"];

    public static CccdNumber? TryParse(string? text, int currentYear, out string? error) => TryParse(text, currentYear, out error, out _);

    public static CccdNumber? TryParse(string? text, int currentYear, out string? error, out CccdProblem? problem)
    {
        error = null;
        problem = null;
        var value = text?.Trim() ?? "";
        if (value.Length != 12 || !value.All(char.IsAsciiDigit))
        {
            error = "Số CCCD phải gồm đúng 12 chữ số / The CCCD number must be exactly 12 digits.";
            problem = CccdProblem.Format;
            return null;
        }
        var province = value[..3];
        var bornAbroad = province[0] != '0';
        if (!bornAbroad && !DomesticCodes.Contains(province))
        {
            error = $"Mã tỉnh '{province}' trong số CCCD không tồn tại / '{province}' is not a province code of a CCCD number.";
            problem = CccdProblem.Province;
            return null;
        }
        var centuryGender = value[3] - '0';
        var birthYear = 1900 + 100 * (centuryGender / 2) + int.Parse(value.AsSpan(4, 2));
        if (birthYear > currentYear)
        {
            error = $"Năm sinh {birthYear} trong số CCCD là năm tương lai / The CCCD number encodes birth year {birthYear}, which is in the future.";
            problem = CccdProblem.FutureBirthYear;
            return null;
        }
        return new CccdNumber(value, province, bornAbroad, centuryGender % 2 == 1, birthYear);
    }

    /// <summary>Checks a number against what the form says of the person; returns the problems (empty when consistent).</summary>
    public static IReadOnlyList<string> Validate(string? text, DateOnly? birthDate, bool? female, int currentYear) =>
        Check(text, birthDate, female, currentYear).Select(p => p.Message).ToList();

    /// <summary>The problems with their kind, so a user interface can word them in its own language.</summary>
    public static IReadOnlyList<(CccdProblem Problem, string Message)> Check(string? text, DateOnly? birthDate, bool? female, int currentYear)
    {
        if (TryParse(text, currentYear, out var error, out var problem) is not { } number)
            return [(problem!.Value, error!)];
        var problems = new List<(CccdProblem, string)>();
        if (birthDate is { } date && date.Year != number.BirthYear)
            problems.Add((CccdProblem.BirthYearMismatch,
                $"Số CCCD ghi năm sinh {number.BirthYear}, khác ngày sinh đã khai ({date:dd/MM/yyyy}) / The CCCD number encodes birth year {number.BirthYear}, not {date.Year}."));
        if (female is { } isFemale && isFemale != number.Female)
            problems.Add((CccdProblem.GenderMismatch, "Số CCCD không khớp giới tính đã khai / The CCCD number does not match the gender given."));
        return problems;
    }
}
