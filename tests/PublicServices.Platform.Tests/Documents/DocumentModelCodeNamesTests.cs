using PublicServices.Platform.Documents;
using PublicServices.Platform.Documents.Issuing;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Platform.Tests.Documents;

public sealed class DocumentModelCodeNamesTests
{
    [Fact]
    public void Should_print_the_name_of_a_code_in_a_column_that_names_a_code_list()
    {
        var subjects = new CodeList("exam-subjects", new LocalizedText("Môn thi", "Subjects"),
            [new CodeListItem("TOAN", new LocalizedText("Toán", "Mathematics"), null), new CodeListItem("VAN", new LocalizedText("Ngữ văn", "Literature"), null)]);
        var codeLists = new CodeListCatalog(new Dictionary<string, CodeList> { ["exam-subjects"] = subjects });
        var table = new TableBlock("scores", [new TableColumn("Môn", "subject", 60, TextAlign.Left, "exam-subjects"), new TableColumn("Điểm", "score", 40, TextAlign.Right)]);
        var template = new DocumentTemplate("t", "T", new PageMargins(10, 10, 10, 10), ["scores"], [table], "");
        var model = new Dictionary<string, object?>
        {
            ["scores"] = new List<object?>
            {
                new Dictionary<string, object?> { ["subject"] = "VAN", ["score"] = 6.5 },
                new Dictionary<string, object?> { ["subject"] = "XYZ", ["score"] = "TOAN" },
            },
        };

        DocumentModel.NameCodes(template, model, codeLists);

        var rows = (List<object?>)model["scores"]!;
        Assert.Equal("Ngữ văn", ((Dictionary<string, object?>)rows[0]!)["subject"]);
        Assert.Equal("XYZ", ((Dictionary<string, object?>)rows[1]!)["subject"]); // not in the list: printed as written
        Assert.Equal("TOAN", ((Dictionary<string, object?>)rows[1]!)["score"]);  // a column without a list is left alone
    }
}
