using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bogus;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Identity;

using PublicServices.Tests;

namespace PublicServices.Benchmarks.Registration;

/// <summary>
/// The one place that says WHAT the load is: the real procedure <c>workflows/exam-registration.yaml</c> read from the
/// repository's own <c>workflows/</c> folder (code lists, units, templates), the configuration that opens its
/// registration window now, and the candidates' data (Bogus-seeded: Vietnamese names with tone marks, 12-digit CCCD
/// consistent with birth year and sex and unique per candidate, values taken from the repository's code lists so that
/// every application passes the form and its rules). Drivers do not know the form.
/// </summary>
public static partial class RegistrationScenario
{
    public const string ProcedureId = "exam-registration";

    /// <summary>The signal and key the instances wait for after verification (<c>locked-wait</c>, key = <c>settings.examYear</c>).</summary>
    public const string LockSignal = "registration-locked";
    public const string LockKey = "2027";

    /// <summary>Where a fresh registration waits: category a at its grade-12 school, b–d at the council's site (the fee is
    /// kept at 0 by <see cref="Settings"/>, so the payment step is skipped).</summary>
    public const string SchoolCheck = "school-check";
    public const string SiteCheck = "site-check";

    /// <summary>The repository's workflows/ folder, used as it is (the portal only reads it).</summary>
    public static string WorkflowsPath(string repoRoot) => Path.Combine(repoRoot, "workflows");

    /// <summary>Configuration for the portal (in process and the HTTP process alike): the registration window open from a
    /// day ago for two months — as appsettings.Development.json opens it for the demo — and no fee for free candidates.</summary>
    public static Dictionary<string, string?> Settings(DateTimeOffset now)
    {
        var vietnam = now.ToOffset(TimeSpan.FromHours(7));
        return new Dictionary<string, string?>
        {
            ["Workflows:Settings:exam-registration:registrationOpens"] = vietnam.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["Workflows:Settings:exam-registration:registrationCloses"] = vietnam.AddDays(60).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["Workflows:Settings:exam-registration:freeCandidateFee"] = "0",
        };
    }

    /// <summary>The councils' departments and the schools of workflows/units/*.csv, as <c>publicservices units import</c>
    /// (or the demo seeder) leaves them: the tasks' units exist.</summary>
    public static async Task<int> ImportUnitsAsync(IServiceProvider services, string repoRoot)
    {
        var added = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(WorkflowsPath(repoRoot), "units"), "*.csv").Order(StringComparer.Ordinal))
        {
            using var scope = services.CreateScope();
            added += await scope.ServiceProvider.GetRequiredService<UnitImport>().AddMissingAsync(file, CancellationToken.None);
        }
        return added;
    }

    /// <summary>The file fields an application needs uploads for: the photo, and the certificate's scan when exempt.</summary>
    public static IReadOnlyList<string> FileFields(JsonObject data) =>
        data["languageExempt"]?.GetValue<bool>() == true ? ["photo", "exemptionFile"] : ["photo"];

    /// <summary>The open task a registration must wait at once submitted: (step, unit).</summary>
    public static (string Step, string Unit) ExpectedTask(JsonObject data) =>
        data["category"]!.GetValue<string>() == "a"
            ? (SchoolCheck, data["school12"]!.GetValue<string>())
            : (SiteCheck, "sgd-" + data["council"]!.GetValue<string>());

    /// <summary>
    /// Candidate number <paramref name="index"/> of a cohort, without its files (see <see cref="FileFields"/>):
    /// deterministic for a seed (a run can be repeated), CCCD unique per index (province = index mod 63, serial =
    /// index / 63: unique up to 63 million), about 85% grade-12 students spread over the sample schools.
    /// </summary>
    public static JsonObject Application(int index, int seed = 2027)
    {
        var lists = Lists.Value;
        // One Faker per thread (making one loads the locale: milliseconds), reseeded per candidate.
        var faker = reusable ??= new Faker("vi");
        var random = faker.Random = new Randomizer(seed * 7919 + index);
        var female = random.Bool();
        var category = random.WeightedRandom(["a", "b", "c", "d"], [0.85f, 0.03f, 0.10f, 0.02f]);
        var birthYear = category switch
        {
            "a" => random.Bool(0.95f) ? 2009 : 2008,
            "b" => random.Int(2000, 2008),
            "c" => random.Int(1995, 2008),
            _ => random.Int(1990, 2007),
        };
        var birth = new DateOnly(birthYear, random.Int(1, 12), random.Int(1, 28));
        var province = lists.Provinces[index % lists.Provinces.Length];
        var cccd = $"{province.Code}{(birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0)}{birthYear % 100:D2}{index / lists.Provinces.Length % 1_000_000:D6}";
        var name = $"{random.ArrayElement(Surnames)} {random.ArrayElement(female ? FemaleMiddle : MaleMiddle)} {random.ArrayElement(female ? FemaleGiven : MaleGiven)}";

        var school12 = random.ArrayElement(lists.Schools);
        string OtherYear() => random.Bool(0.9f) ? school12 : random.ArrayElement(lists.Schools);
        // A grade-12 student registers with the council of the school (the form's rule); free candidates mostly too.
        var council = category == "a" || random.Bool(0.8f) ? school12[..2] : random.ArrayElement(lists.Councils);
        var residence = random.Bool(0.85f) ? province : random.ArrayElement(lists.Provinces);
        var commune = random.ArrayElement(Communes);

        var data = new JsonObject
        {
            ["fullName"] = name,
            ["dateOfBirth"] = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["gender"] = female ? "female" : "male",
            ["cccd"] = cccd,
        };
        if (random.Bool(0.01f))
        {
            data["bornAbroad"] = true;
            data["birthCountry"] = random.ArrayElement(lists.Countries);
        }
        else
        {
            data["bornAbroad"] = false;
            data["birthProvince"] = province.Code;
        }
        data["ethnicity"] = random.Bool(0.85f) ? "01" : random.ArrayElement(lists.Ethnicities);
        data["foreigner"] = false;
        data["phone"] = $"0{random.ArrayElement(PhonePrefixes)}{random.Int(0, 99_999_999):D8}";
        data["email"] = $"{Ascii(name).Replace(" ", "").ToLowerInvariant()}.{index}@example.vn";
        data["residenceProvince"] = residence.Code;
        data["residenceCommune"] = commune;
        data["council"] = council;
        data["category"] = category;
        data["school10"] = OtherYear();
        data["school11"] = OtherYear();
        data["school12"] = school12;
        data["priorityArea"] = random.WeightedRandom(["KV1", "KV2-NT", "KV2", "KV3"], [0.25f, 0.35f, 0.2f, 0.2f]);
        data["priorityGroup"] = random.WeightedRandom(["none", "UT1", "UT2"], [0.9f, 0.04f, 0.06f]);

        bool language;
        if (category is "a" or "b")
        {
            // Exactly two different electives; the foreign language is one of them for about half the candidates.
            language = random.Bool(0.5f);
            var others = random.Shuffle(lists.Electives.Where(e => e != "NN")).Take(language ? 1 : 2).ToList();
            data["electives"] = new JsonArray((language ? others.Prepend("NN") : others).Select(e => (JsonNode)e).ToArray());
        }
        else
        {
            // Only the papers needed for admission: 1–4 of them.
            var papers = random.Shuffle(lists.Papers).Take(random.WeightedRandom([3, 4, 2, 1], [0.6f, 0.25f, 0.1f, 0.05f])).ToList();
            language = papers.Contains("NN");
            data["papers"] = new JsonArray(papers.Select(e => (JsonNode)e).ToArray());
        }
        if (language)
        {
            var foreignLanguage = random.WeightedRandom(["N1", "N2", "N3", "N4", "N5", "N6", "N7"], [0.9f, 0.005f, 0.015f, 0.03f, 0.01f, 0.025f, 0.015f]);
            data["foreignLanguage"] = foreignLanguage;
            var certificates = lists.Certificates.Where(c => c.Parent == foreignLanguage).Select(c => c.Code).ToArray();
            var exempt = random.Bool(0.08f) && certificates.Length > 0;
            data["languageExempt"] = exempt;
            if (exempt)
            {
                var certificate = random.ArrayElement(certificates);
                data["exemptionCertificate"] = certificate;
                data["exemptionScore"] = certificate == "IELTS" ? $"{random.Int(4, 8)}.{(random.Bool() ? 0 : 5)}" : "B1";
                data["exemptionDate"] = new DateOnly(2025, 7, 1).AddDays(random.Int(0, 480)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }
        data["contactAddress"] = $"Số {random.Int(1, 300)}, đường {random.ArrayElement(Streets)}, {commune}, {residence.Name}";
        return data;
    }

    [ThreadStatic]
    private static Faker? reusable;

    private static readonly string[] Surnames =
        ["Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đoàn", "Lương", "Mai", "Tạ", "Châu", "Cao", "Lưu", "Kiều"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hoài", "Khánh", "Mỹ", "Bảo", "Diệu", "Quỳnh", "Thùy", "Hồng"];
    private static readonly string[] MaleMiddle = ["Văn", "Văn", "Đức", "Minh", "Quốc", "Hữu", "Thành", "Công", "Gia", "Tuấn", "Xuân", "Đình", "Quang", "Trọng", "Việt"];
    private static readonly string[] FemaleGiven =
        ["Hà", "Lan", "Hương", "Trang", "Linh", "Ngọc", "Thảo", "Hằng", "Nhung", "Huyền", "Yến", "Vy", "Ánh", "Thư", "Uyên", "Như", "Giang", "Châu", "Ngân", "Phượng", "Quyên", "Trâm", "Tuyết", "Diệp", "Hiền", "Mai", "Nga", "Loan", "Oanh", "Thúy"];
    private static readonly string[] MaleGiven =
        ["Anh", "Dũng", "Hùng", "Cường", "Tùng", "Khoa", "Phúc", "Đạt", "Hiếu", "Lộc", "Quân", "Thắng", "Trí", "Tuấn", "Việt", "Vĩnh", "Sơn", "Long", "Nam", "Huy", "Khải", "Bảo", "Đức", "Hải", "Hoàng", "Kiên", "Nghĩa", "Phong", "Thịnh", "Vũ"];
    private static readonly string[] Communes =
        ["Phường Ba Đình", "Phường Hoàn Kiếm", "Phường Bến Nghé", "Phường Lê Lợi", "Phường Trần Hưng Đạo", "Phường Tràng Tiền", "Phường Thạch Thang",
         "Phường Phú Hội", "Phường Quang Trung", "Xã Tân Lập", "Xã Hòa Bình", "Xã Quỳnh Lưu", "Xã Nghĩa Đô", "Xã Đông Anh", "Xã Yên Thế",
         "Xã Phước Hưng", "Xã Ea Kar", "Xã Mường Lát", "Xã Đắk Mil", "Xã Cái Nước"];
    private static readonly string[] Streets =
        ["Lê Lợi", "Nguyễn Huệ", "Trần Phú", "Hai Bà Trưng", "Lý Thường Kiệt", "Phan Chu Trinh", "Điện Biên Phủ", "Quang Trung", "Hoàng Diệu", "Nguyễn Trãi", "Lê Duẩn", "Võ Thị Sáu", "Hùng Vương", "Trưng Nữ Vương"];
    private static readonly int[] PhonePrefixes = [3, 5, 7, 8, 9, 9, 9];

    private sealed record Province(string Code, string Name);

    private sealed record Certificate(string Code, string? Parent);

    private sealed record CodeLists(Province[] Provinces, string[] Schools, string[] Councils, string[] Countries, string[] Ethnicities,
        string[] Electives, string[] Papers, Certificate[] Certificates);

    /// <summary>Codes read from the repository's code lists (one item per line, <c>- { code: "…", vi: …, parent: "…" }</c>).</summary>
    private static readonly Lazy<CodeLists> Lists = new(() =>
    {
        var folder = Path.Combine(WorkflowsPath(EngineSqliteDriver.FindRepoRoot()), "codelists");
        List<(string Code, string Vi, string? Parent)> Read(string id) =>
            File.ReadLines(Path.Combine(folder, id + ".yaml")).Select(l => Item().Match(l)).Where(m => m.Success)
                .Select(m => (m.Groups["code"].Value, m.Groups["vi"].Value.Trim().Trim('"'), m.Groups["parent"].Success ? m.Groups["parent"].Value : null))
                .ToList();
        var lists = new CodeLists(
            Read("provinces").Select(p => new Province(p.Code, p.Vi)).ToArray(),
            // Real schools only (the special codes 800 "studied abroad" and 900 "serving soldiers" are not a grade-12 school).
            Read("exam-schools").Select(s => s.Code).Where(c => string.CompareOrdinal(c[3..], "800") < 0).ToArray(),
            Read("exam-councils").Select(c => c.Code).ToArray(),
            Read("countries").Select(c => c.Code).Where(c => c != "VN").ToArray(),
            // Kinh is drawn separately; 55 (a foreign national) is not a citizen with a CCCD.
            Read("ethnicities").Select(e => e.Code).Where(c => c is not ("01" or "55")).ToArray(),
            Read("exam-electives").Select(e => e.Code).ToArray(),
            Read("exam-papers").Select(e => e.Code).ToArray(),
            Read("language-certificates").Select(c => new Certificate(c.Code, c.Parent)).ToArray());
        if (lists.Provinces.Length != 63 || lists.Schools.Length < 10 || lists.Councils.Length < 60 || lists.Electives.Length < 5)
            throw new InvalidOperationException($"Unexpected code lists in {folder}: {lists.Provinces.Length} provinces, {lists.Schools.Length} schools, {lists.Councils.Length} councils");
        return lists;
    });

    [GeneratedRegex("""^\s*-\s*\{\s*code:\s*"?(?<code>[^",]+)"?\s*,\s*vi:\s*(?<vi>"[^"]*"|[^,]+)(.*parent:\s*"?(?<parent>[^",}\s]+)"?)?""")]
    private static partial Regex Item();

    private static string Ascii(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                plain.Append(c);
        return plain.ToString();
    }

    /// <summary>
    /// An ID photo the form accepts: a complete, valid 400×600 PNG (light background, a grey head and shoulders), a few
    /// kilobytes; the same bytes for everyone.
    /// </summary>
    public static byte[] IdPhoto { get; } = Png(400, 600);

    private static byte[] Png(int width, int height) =>
        PngFile.Encode(width, height, (x, y) =>
        {
            double dx = x - width / 2.0, dy = y - height * 0.38;
            var head = dx * dx / (95.0 * 95.0) + dy * dy / (125.0 * 125.0) <= 1;
            var shoulders = y > height * 0.62 && Math.Abs(dx) < 60 + (y - height * 0.62) * 1.2;
            return head || shoulders ? ((byte)90, (byte)90, (byte)100) : ((byte)220, (byte)232, (byte)245);
        }, System.IO.Compression.CompressionLevel.SmallestSize);
}
