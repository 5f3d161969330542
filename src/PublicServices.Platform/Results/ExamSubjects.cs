using PublicServices.Platform.Engine;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Platform.Results;

/// <summary>
/// The subjects of the graduation exam (2018 curriculum), from the code list <c>exam-subjects</c>
/// (workflows/codelists/exam-subjects.yaml) when it is loaded; until then from the built-in list below, which has the same
/// codes. <see cref="RecordCode"/> is not a subject: the row giving a candidate's grade 10–12 record average.
/// </summary>
public sealed class ExamSubjects(DefinitionRegistry definitions)
{
    public const string CodeListId = "exam-subjects";

    /// <summary>Subject code of the row that carries the grade 10–12 record average (điểm trung bình cả năm lớp 10–12).</summary>
    public const string RecordCode = "DTB";

    // TODO(issue 9): remove once workflows/codelists/exam-subjects.yaml (helper "content") is on main; the code list wins already.
    private static readonly (string Code, LocalizedText Name)[] BuiltIn =
    [
        ("TOAN", new("Toán", "Mathematics")), ("VAN", new("Ngữ văn", "Literature")), ("LI", new("Vật lí", "Physics")),
        ("HOA", new("Hóa học", "Chemistry")), ("SINH", new("Sinh học", "Biology")), ("SU", new("Lịch sử", "History")),
        ("DIA", new("Địa lí", "Geography")), ("GDKTPL", new("Giáo dục kinh tế và pháp luật", "Economic and legal education")),
        ("TIN", new("Tin học", "Informatics")), ("CNCN", new("Công nghệ công nghiệp", "Industrial technology")),
        ("CNNN", new("Công nghệ nông nghiệp", "Agricultural technology")), ("N1", new("Tiếng Anh", "English")),
        ("N2", new("Tiếng Nga", "Russian")), ("N3", new("Tiếng Pháp", "French")), ("N4", new("Tiếng Trung Quốc", "Chinese")),
        ("N5", new("Tiếng Đức", "German")), ("N6", new("Tiếng Nhật", "Japanese")), ("N7", new("Tiếng Hàn", "Korean")),
    ];

    /// <summary>The subjects in their listed order (the order of score tables).</summary>
    public IReadOnlyList<(string Code, LocalizedText Name)> All =>
        definitions.CodeLists.Find(CodeListId) is { Items.Count: > 0 } list
            ? list.Items.Select(i => (i.Code, i.Name)).ToList()
            : BuiltIn;
}
