using System.Text;
using PublicServices.Platform.Identity;
using PublicServices.Tests;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions.Loading;

namespace PublicServices.Platform.Tests.Identity;

/// <summary>
/// The graduation exam's code lists and unit files: they load, codes are unique and well formed, every parent exists,
/// names are Vietnamese in NFC, the school code list says what the school units say, and every council has its department.
/// </summary>
public sealed class ExamDataTests
{
    private static CodeListCatalog Lists()
    {
        var errors = new List<DefinitionError>();
        var lists = CodeListCatalog.LoadDirectory(RepoPaths.InRepo("workflows", "codelists"), errors);
        Assert.Empty(errors); // the loader also refuses duplicate codes
        return lists;
    }

    private static List<Unit> Units(string file)
    {
        var problems = new List<UnitImportProblem>();
        using var reader = new StreamReader(RepoPaths.InRepo("workflows", "units", file), Encoding.UTF8);
        var units = UnitCsv.Read(reader, null, problems).Select(r => r.Unit).ToList();
        Assert.Empty(problems);
        return units;
    }

    [Theory]
    [InlineData("exam-councils", 64)]
    [InlineData("exam-schools", 81)]
    [InlineData("ethnicities", 55)]
    [InlineData("exam-subjects", 18)]
    [InlineData("exam-electives", 10)]
    [InlineData("foreign-languages", 7)]
    [InlineData("language-certificates", 22)]
    [InlineData("priority-areas", 4)]
    [InlineData("priority-groups", 3)]
    [InlineData("candidate-categories", 4)]
    public void Each_exam_code_list_loads_with_unique_codes_and_names_in_both_languages(string id, int count)
    {
        var list = Lists().Find(id)!;

        Assert.Equal(count, list.Items.Count);
        Assert.Equal(list.Items.Count, list.Items.Select(i => i.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(list.Items, i => Assert.True(i.Name.Vi.Length > 0 && i.Name.En.Length > 0 && i.Name.Vi.IsNormalized(NormalizationForm.FormC), i.Code));
    }

    [Fact]
    public void Councils_subjects_and_the_rest_carry_the_exams_codes()
    {
        var lists = Lists();
        var councils = lists.Find("exam-councils")!;
        Assert.All(councils.Items, c => Assert.Matches("^[0-9]{2}$", c.Code));
        Assert.DoesNotContain(councils.Items, c => c.Code == "20");
        foreach (var (code, name) in new[] { ("01", "Sở GD&ĐT Hà Nội"), ("02", "Sở GD&ĐT TP. Hồ Chí Minh"), ("03", "Sở GD&ĐT Hải Phòng"),
                     ("04", "Sở GD&ĐT Đà Nẵng"), ("05", "Sở GD&ĐT Hà Giang"), ("06", "Sở GD&ĐT Cao Bằng"), ("64", "Sở GD&ĐT Hậu Giang"),
                     ("65", "Cục Nhà trường – Bộ Quốc phòng") })
            Assert.Equal(name, councils.Find(code)?.Name.Vi);

        Assert.Equal(["TOAN", "VAN", "LI", "HOA", "SINH", "SU", "DIA", "GDKTPL", "TIN", "CNCN", "CNNN", "N1", "N2", "N3", "N4", "N5", "N6", "N7"],
            lists.Find("exam-subjects")!.Items.Select(i => i.Code));
        Assert.Equal("Ngữ văn", lists.Find("exam-subjects")!.Find("VAN")!.Name.Vi);
        Assert.Equal("Giáo dục kinh tế và pháp luật", lists.Find("exam-subjects")!.Find("GDKTPL")!.Name.Vi);
        Assert.Equal(lists.Find("foreign-languages")!.Items.Select(i => (i.Code, i.Name.Vi)),
            lists.Find("exam-subjects")!.Items.Where(i => i.Code.StartsWith('N')).Select(i => (i.Code, i.Name.Vi)));
        var subjects = lists.Find("exam-subjects")!;
        Assert.All(lists.Find("exam-electives")!.Items.Where(i => i.Code != "NN"), i => Assert.Equal(subjects.Find(i.Code)?.Name.Vi, i.Name.Vi));

        var ethnicities = lists.Find("ethnicities")!;
        Assert.Equal(Enumerable.Range(1, 55).Select(n => n.ToString("00")), ethnicities.Items.Select(i => i.Code));
        Assert.Equal(["Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa"], ethnicities.Items.Take(6).Select(i => i.Name.Vi));
        Assert.Equal("Ơ Đu", ethnicities.Find("54")!.Name.Vi);

        Assert.Equal(["KV1", "KV2-NT", "KV2", "KV3"], lists.Find("priority-areas")!.Items.Select(i => i.Code));
        Assert.Equal(["none", "UT1", "UT2"], lists.Find("priority-groups")!.Items.Select(i => i.Code));
        Assert.Equal(["a", "b", "c", "d"], lists.Find("candidate-categories")!.Items.Select(i => i.Code));
    }

    [Fact]
    public void Every_parent_exists_schools_under_councils_and_certificates_under_languages()
    {
        var lists = Lists();
        var councils = lists.Find("exam-councils")!;
        var schools = lists.Find("exam-schools")!;
        Assert.All(schools.Items, s =>
        {
            Assert.Matches("^[0-9]{2}-[0-9]{3}$", s.Code);
            Assert.Equal(s.Code[..2], s.Parent);
            Assert.NotNull(councils.Find(s.Parent!));
        });
        Assert.Equal("Trường THPT Phan Đình Phùng", schools.Find("01-001")!.Name.Vi);
        Assert.Equal("Trường THPT Chu Văn An", schools.Find("01-002")!.Name.Vi);
        Assert.Equal("Trường THPT Lê Hồng Phong", schools.Find("02-001")!.Name.Vi);
        Assert.Equal(schools.Items.Count, schools.Items.Select(s => s.Name.Vi).Distinct().Count());

        var languages = lists.Find("foreign-languages")!;
        var certificates = lists.Find("language-certificates")!;
        Assert.All(certificates.Items, c => Assert.NotNull(languages.Find(c.Parent ?? "")));
        Assert.Contains("IELTS", certificates.Items.Select(c => c.Code));
        Assert.Contains("4.0", certificates.Find("IELTS")!.Name.Vi);
    }

    [Fact]
    public void Every_council_has_its_department_unit_and_the_school_list_matches_the_school_units()
    {
        var departments = Units("exam-councils.csv");
        var schoolUnits = Units("exam-schools.csv");
        var lists = Lists();

        Assert.Equal(lists.Find("exam-councils")!.Items.Select(c => "sgd-" + c.Code), departments.Select(d => d.Code));
        Assert.All(departments, d => Assert.True(d.Kind is UnitKind.ProvincialDepartment or UnitKind.ExamCouncil && d.Place is not null && d.SuperiorNameVi is not null, d.Code));
        // The demo units of the same codes are the same units.
        foreach (var demo in DemoSeeder.DemoUnits.Where(u => u.Code.StartsWith("sgd-", StringComparison.Ordinal) || u.Kind == UnitKind.School))
        {
            var listed = departments.Concat(schoolUnits).Single(u => u.Code == demo.Code);
            Assert.Equal((demo.NameVi, demo.NameEn, demo.Kind, demo.ParentCode, demo.Place, demo.SuperiorNameVi),
                (listed.NameVi, listed.NameEn, listed.Kind, listed.ParentCode, listed.Place, listed.SuperiorNameVi));
        }

        var codes = departments.Select(d => d.Code).ToHashSet();
        Assert.All(schoolUnits, s => Assert.Contains(s.ParentCode!, codes));
        var schools = lists.Find("exam-schools")!;
        Assert.All(schoolUnits, s => Assert.Equal((s.NameVi, s.NameEn, s.Code[..2]), (schools.Find(s.Code)?.Name.Vi, schools.Find(s.Code)?.Name.En, schools.Find(s.Code)?.Parent)));
        // The list's other items are the special codes, which are not units.
        Assert.All(schools.Items.Where(i => schoolUnits.All(u => u.Code != i.Code)), i => Assert.Matches("-[89]00$", i.Code));
    }

    [Fact]
    public void A_units_file_reports_each_wrong_row_at_its_line()
    {
        var problems = new List<UnitImportProblem>();
        var rows = UnitCsv.Read(new StringReader("""
            code,kind,nameVi,nameEn,parent,address
            sgd-09,ProvincialDepartment,"Sở Giáo dục và Đào tạo Tuyên Quang",Tuyên Quang Department of Education,,"Tuyên Quang, Việt Nam"
            09-001,School,Trường THPT chuyên Tuyên Quang,Tuyên Quang Specialised High School,,
            09-001,School,Trùng,Duplicate,,
            09-002,School,Trường X,X School,sgd-01,
            Bad Code,School,A,B,,
            sgd-10,Province,A,B,,
            sgd-11,ProvincialDepartment,,B,,
            """), null, problems);

        Assert.Equal(["sgd-09", "09-001"], rows.Select(r => r.Unit.Code));
        Assert.Equal("sgd-09", rows[1].Unit.ParentCode); // a school coded 09-001 belongs to sgd-09
        Assert.Equal("Sở Giáo dục và Đào tạo Tuyên Quang", rows[0].Unit.NameVi);
        Assert.Equal([4, 5, 6, 7, 8], problems.Select(p => p.Line));
        Assert.Contains("repeats line 3", problems[0].Message);
        Assert.Contains("must be 'sgd-09', not 'sgd-01'", problems[1].Message);
        Assert.Contains("Code 'Bad Code'", problems[2].Message);
        Assert.Contains("Unknown kind 'Province'", problems[3].Message);
        Assert.Contains("'nameVi' is empty", problems[4].Message);
    }
}
