using System.Text;
using System.Text.Json.Nodes;
using Bogus;

namespace PublicServices.Benchmarks.Registration;

/// <summary>
/// The one place that says WHAT the load is: which procedure is submitted, which workflow files it needs, and the
/// candidates' data (Bogus, Vietnamese names, 12-digit CCCD consistent with sex and birth year, code-list values that
/// pass the form's rules). Switching to workflows/exam-registration.yaml means changing <see cref="ProcedureId"/>,
/// <see cref="Install"/> and <see cref="Application"/> only; drivers do not know the form.
/// </summary>
public static class RegistrationScenario
{
    public const string ProcedureId = "bench-registration";

    /// <summary>The signal and key the instances wait for after verification (<c>locked-wait</c>).</summary>
    public const string LockSignal = "registration-locked";
    public const string LockKey = "2027";

    /// <summary>Council codes 01–63, 20 schools each ("01-001" … "63-020").</summary>
    private const int Councils = 63;
    private const int SchoolsPerCouncil = 20;

    private static readonly string[] Provinces = ["001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096"];
    private static readonly string[] Ethnicities = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"];
    private static readonly string[] Languages = ["N1", "N2", "N3", "N4", "N5", "N6", "N7"];
    private static readonly string[] Electives = ["LI", "HOA", "SINH", "SU", "DIA", "GDKTPL", "TIN", "CNCN", "CNNN"];
    private static readonly string[] Certificates = ["IELTS", "TOEFL-IBT", "TOEIC", "DELF", "HSK", "JLPT", "TOPIK"];
    private static readonly string[] Areas = ["KV1", "KV2-NT", "KV2", "KV3"];

    /// <summary>A workflows/ folder for the portal: the repository's (procedures, code lists, calendar) plus this scenario's files.</summary>
    public static string Install(string repoRoot, string folder)
    {
        var target = Path.Combine(folder, "workflows");
        Copy(Path.Combine(repoRoot, "workflows"), target);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Registration", "bench-registration.yaml"), Path.Combine(target, "bench-registration.yaml"), true);
        var lists = Path.Combine(target, "codelists");
        WriteList(lists, "bench-councils", "Hội đồng thi", "Exam council",
            Enumerable.Range(1, Councils).Select(c => ($"{c:D2}", $"Sở GD&ĐT số {c:D2}", $"Department of Education {c:D2}", (string?)null)));
        WriteList(lists, "bench-schools", "Trường THPT", "Upper-secondary school",
            from c in Enumerable.Range(1, Councils) from s in Enumerable.Range(1, SchoolsPerCouncil)
            select ($"{c:D2}-{s:D3}", $"Trường THPT số {s} ({c:D2})", $"High school {s} ({c:D2})", (string?)$"{c:D2}"));
        WriteList(lists, "bench-ethnicities", "Dân tộc", "Ethnicity", Ethnicities.Select(e => (e, $"Dân tộc {e}", $"Ethnic group {e}", (string?)null)));
        WriteList(lists, "bench-languages", "Ngoại ngữ", "Foreign language", Languages.Select(e => (e, $"Ngoại ngữ {e}", $"Language {e}", (string?)null)));
        WriteList(lists, "bench-electives", "Môn tự chọn", "Elective subject", Electives.Select(e => (e, $"Môn {e}", $"Subject {e}", (string?)null)));
        WriteList(lists, "bench-certificates", "Chứng chỉ", "Certificate", Certificates.Select(e => (e, e, e, (string?)null)));
        return target;
    }

    /// <summary>
    /// Candidate number <paramref name="index"/> of a cohort: deterministic for a seed (so a run can be repeated), CCCD
    /// unique per index (province, sex and a serial derived from it), about 85% grade-12 students.
    /// </summary>
    public static JsonObject Application(int index, int seed = 2027)
    {
        // One Faker per thread (making one loads the locale: milliseconds), reseeded per candidate.
        var faker = reusable ??= new Faker("vi");
        faker.Random = new Randomizer(seed * 7919 + index);
        var female = faker.Random.Bool();
        var category = faker.Random.WeightedRandom(["a", "b", "c", "d"], [0.85f, 0.03f, 0.10f, 0.02f]);
        var birthYear = category == "a" ? 2009 : faker.Random.Int(1990, 2008);
        var birth = new DateOnly(birthYear, faker.Random.Int(1, 12), faker.Random.Int(1, 28));
        var province = Provinces[index % Provinces.Length];
        var serial = index / (Provinces.Length * 2);
        var cccd = $"{province}{(birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0)}{birthYear % 100:D2}{serial % 1_000_000:D6}";
        var council = faker.Random.Int(1, Councils);
        string School() => $"{council:D2}-{faker.Random.Int(1, SchoolsPerCouncil):D3}";
        var language = faker.Random.WeightedRandom(Languages, [0.9f, 0.01f, 0.02f, 0.02f, 0.01f, 0.02f, 0.02f]);
        var electives = faker.Random.Shuffle(Electives).Take(2).ToArray();
        var exempt = faker.Random.Bool(0.05f);
        var gender = female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male;
        var data = new JsonObject
        {
            ["fullName"] = $"{faker.Name.LastName(gender)} {faker.Name.FirstName(gender)}",
            ["dateOfBirth"] = birth.ToString("yyyy-MM-dd"),
            ["gender"] = female ? "female" : "male",
            ["cccd"] = cccd,
            ["ethnicity"] = faker.Random.WeightedRandom(Ethnicities, [0.85f, .02f, .02f, .02f, .02f, .02f, .02f, .01f, .01f, .01f]),
            ["placeOfBirth"] = province,
            ["phone"] = $"09{faker.Random.Int(0, 99_999_999):D8}",
            ["email"] = $"ts{index}@example.vn",
            ["address"] = $"Số {faker.Random.Int(1, 300)}, {faker.Address.StreetName()}, {faker.Address.City()}",
            ["council"] = $"{council:D2}",
            ["category"] = category,
            ["school10"] = School(),
            ["school11"] = School(),
            ["school12"] = School(),
            ["priorityArea"] = faker.PickRandom(Areas),
            ["priorityGroup"] = faker.Random.WeightedRandom(["none", "UT1", "UT2"], [0.9f, 0.04f, 0.06f]),
            ["foreignLanguage"] = language,
            ["electives"] = new JsonArray(electives.Select(e => (JsonNode)e).ToArray()),
            ["exemptForeignLanguage"] = exempt,
        };
        if (exempt)
            data["certificate"] = faker.PickRandom(Certificates);
        if (category == "c")
            data["graduationYear"] = faker.Random.Int(birthYear + 17, 2026);
        return data;
    }

    [ThreadStatic]
    private static Faker? reusable;

    private static void WriteList(string folder, string id, string vi, string en, IEnumerable<(string Code, string Vi, string En, string? Parent)> items)
    {
        var text = new StringBuilder($"id: {id}\ntitle: {{ vi: \"{vi}\", en: \"{en}\" }}\nitems:\n");
        foreach (var (code, itemVi, itemEn, parent) in items)
            text.Append($"  - {{ code: \"{code}\", vi: \"{itemVi}\", en: \"{itemEn}\"{(parent is null ? "" : $", parent: \"{parent}\"")} }}\n");
        File.WriteAllText(Path.Combine(folder, id + ".yaml"), text.ToString());
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), true);
        foreach (var dir in Directory.GetDirectories(from))
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
