using System.CommandLine;
using PublicServices.Cli.Units;
using PublicServices.Cli.Users;
using PublicServices.Tests;

namespace PublicServices.Cli.Tests.Units;

/// <summary>`units import` against a real SQLite file chosen through the same environment variables as the web app.</summary>
public sealed class UnitsCommandTests : CliDatabaseTest
{
    protected override IEnumerable<Command> Commands() => [UnitsCommand.Create(), UsersCommand.Create()];

    private string Write(string name, string text)
    {
        var path = Path.Combine(DataPath, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Should_import_the_councils_and_the_schools_then_update_only_what_changed()
    {
        var councils = await RunAsync("units", "import", RepoPaths.InRepo("workflows", "units", "exam-councils.csv"));
        var schools = await RunAsync("units", "import", RepoPaths.InRepo("workflows", "units", "exam-schools.csv"));
        var again = await RunAsync("units", "import", RepoPaths.InRepo("workflows", "units", "exam-schools.csv"));
        var renamed = Write("renamed.csv", "code,nameVi,nameEn,place\n01-002,Trường THPT Chu Văn An – Hà Nội,Chu Văn An High School,Hà Nội\n01-099,Trường THPT Mới,New High School,Hà Nội\n");
        var changed = await RunAsync("units", "import", renamed, "--kind", "School");
        var officer = await RunAsync("users", "add", "--email", "t@example.gov.vn", "--password", "Admin@12345", "--role", "school-officer", "--unit", "01-099");

        Assert.Equal((0, "64 units in exam-councils.csv: 64 created, 0 updated, 0 unchanged."), (councils.Exit, councils.Out.Trim()));
        Assert.Equal((0, "77 units in exam-schools.csv: 77 created, 0 updated, 0 unchanged."), (schools.Exit, schools.Out.Trim()));
        Assert.Equal("77 units in exam-schools.csv: 0 created, 0 updated, 77 unchanged.", again.Out.Trim());
        Assert.Equal((0, "2 units in renamed.csv: 1 created, 1 updated, 0 unchanged."), (changed.Exit, changed.Out.Trim()));
        Assert.Equal(0, officer.Exit); // the new school is a unit officials can belong to
    }

    [Fact]
    public async Task Should_report_every_problem_with_its_line_and_write_nothing()
    {
        var bad = Write("bad.csv", """
            code,kind,nameVi,nameEn,parent
            sgd-01,ProvincialDepartment,Sở Giáo dục và Đào tạo Hà Nội,Hà Nội Department of Education,
            01-001,School,Trường THPT Phan Đình Phùng,Phan Đình Phùng High School,sgd-01
            02-001,School,Trường THPT Lê Hồng Phong,Lê Hồng Phong High School,
            01-001,School,Trùng mã,Duplicate,sgd-01
            x-1,Nowhere,A,B,
            """);

        var result = await RunAsync("units", "import", bad);
        var officer = await RunAsync("users", "add", "--email", "t@example.gov.vn", "--password", "Admin@12345", "--role", "school-officer", "--unit", "01-001");

        Assert.Equal(1, result.Exit);
        Assert.Contains("bad.csv:4: Không có đơn vị cấp trên 'sgd-02'", result.Err);
        Assert.Contains("bad.csv:5: Mã '01-001' trùng với dòng 3", result.Err);
        Assert.Contains("bad.csv:6: Loại 'Nowhere' không có", result.Err);
        Assert.Contains("3 problem(s): nothing was imported.", result.Err);
        Assert.Equal(1, officer.Exit); // 01-001 was not created: nothing was written
        Assert.Contains("Unknown unit '01-001'", officer.Err);
    }

    [Fact]
    public async Task Should_write_the_schools_into_the_code_list_keeping_its_header_and_other_items()
    {
        await RunAsync("units", "import", RepoPaths.InRepo("workflows", "units", "exam-councils.csv"));
        var list = Write("exam-schools.yaml", """
            # A header comment that stays.
            id: exam-schools
            title: { vi: Trường THPT, en: Upper-secondary school }
            items:
              - { code: "01-800", vi: "Học ở nước ngoài (Hà Nội)", en: "Studied abroad (Hà Nội)", parent: "01" }
              - { code: "01-002", vi: "Tên cũ", en: "Old name", parent: "01" }
            """);
        var schools = Write("schools.csv", "code,nameVi,nameEn,address\n01-002,\"Trường THPT Chu Văn An\",Chu Văn An High School,\"10 Thụy Khuê, Tây Hồ\"\n03-001,Trường THPT chuyên Trần Phú,\"Trần Phú \"\"Specialised\"\" High School\",\n");

        var dry = await RunAsync("units", "import", schools, "--kind", "School", "--codelist", list, "--dry-run");
        var unchangedText = File.ReadAllText(list);
        var result = await RunAsync("units", "import", schools, "--kind", "School", "--codelist", list);

        Assert.Contains("exam-schools.yaml: 2 schools would be written (dry run).", dry.Out);
        Assert.Contains("Tên cũ", unchangedText);
        Assert.Equal(0, result.Exit);
        Assert.Contains("exam-schools.yaml: 1 schools added, 1 updated, 3 items.", result.Out);
        Assert.Equal("""
            # A header comment that stays.
            id: exam-schools
            title: { vi: Trường THPT, en: Upper-secondary school }
            items:
              - { code: "01-002", vi: "Trường THPT Chu Văn An", en: "Chu Văn An High School", parent: "01" }
              - { code: "01-800", vi: "Học ở nước ngoài (Hà Nội)", en: "Studied abroad (Hà Nội)", parent: "01" }
              - { code: "03-001", vi: "Trường THPT chuyên Trần Phú", en: "Trần Phú \"Specialised\" High School", parent: "03" }

            """.Replace("\r", ""), File.ReadAllText(list));
    }
}
