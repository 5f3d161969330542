using PublicServices.Tests;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions.Loading;

namespace PublicServices.Workflows.Tests.Definitions;

/// <summary><c>groupedBy:</c> names the list whose codes a code list's items have as parent (schools under councils):
/// checked when the lists load, so a select never shows an item under a missing heading.</summary>
public sealed class CodeListGroupsTests
{
    private static (CodeListCatalog Catalog, List<DefinitionError> Errors) Load(params (string File, string Yaml)[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ps-codelists-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (file, yaml) in files)
            File.WriteAllText(Path.Combine(folder, file), yaml);
        var errors = new List<DefinitionError>();
        return (CodeListCatalog.LoadDirectory(folder, errors), errors);
    }

    private const string Councils = """
        id: councils
        items:
          - { code: "01", vi: "Sở GD&ĐT Hà Nội", en: "Hà Nội Department of Education" }
        """;

    [Fact]
    public void Should_load_a_list_grouped_by_another()
    {
        var (catalog, errors) = Load(("councils.yaml", Councils), ("schools.yaml", """
            id: schools
            groupedBy: councils
            items:
              - { code: "01-001", vi: "Trường THPT Phan Đình Phùng", en: "Phan Đình Phùng High School", parent: "01" }
            """));

        Assert.Empty(errors);
        Assert.Equal("councils", catalog.Find("schools")!.GroupedBy);
    }

    [Theory]
    [InlineData("nowhere", "\"01\"", "Code list 'schools': no code list 'nowhere' to group by.")]
    [InlineData("councils", "\"99\"", "Code list 'schools': item '01-001' has parent '99', which is not in 'councils'.")]
    [InlineData("councils", "", "Code list 'schools': item '01-001' has parent '', which is not in 'councils'.")]
    public void Should_refuse_a_group_that_does_not_exist(string groupedBy, string parent, string expected)
    {
        var item = parent.Length == 0
            ? """{ code: "01-001", vi: "Trường THPT Phan Đình Phùng", en: "Phan Đình Phùng High School" }"""
            : $$"""{ code: "01-001", vi: "Trường THPT Phan Đình Phùng", en: "Phan Đình Phùng High School", parent: {{parent}} }""";
        var (_, errors) = Load(("councils.yaml", Councils), ("schools.yaml", $"id: schools\ngroupedBy: {groupedBy}\nitems:\n  - {item}\n"));

        var error = Assert.Single(errors);
        Assert.EndsWith(expected, error.Message);
        Assert.EndsWith("schools.yaml", error.Location.File);
    }

    [Fact]
    public void Should_list_the_exam_schools_under_their_councils()
    {
        var errors = new List<DefinitionError>();
        var catalog = CodeListCatalog.LoadDirectory(RepoPaths.InRepo("workflows", "codelists"), errors);

        Assert.Empty(errors);
        Assert.Equal("exam-councils", catalog.Find("exam-schools")!.GroupedBy);
    }
}
