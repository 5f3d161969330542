using PublicServices.Workflows.Activities;
using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;
using PublicServices.Workflows.Definitions.Loading;
using PublicServices.Workflows.Definitions.Steps;

namespace PublicServices.Workflows.Tests.Definitions;

/// <summary><c>fields:</c> on a task outcome: what the official records with the decision, in the form field syntax.</summary>
public sealed class OutcomeFieldsTests
{
    private readonly DefinitionLoader loader = new(ActivityRegistry.BuiltIn());

    public static CodeListCatalog Provinces { get; } = new(new Dictionary<string, CodeList>
    {
        ["provinces"] = new("provinces", new LocalizedText("Tỉnh", "Province"),
            [new CodeListItem("001", new LocalizedText("Thành phố Hà Nội", "Hà Nội"), null), new CodeListItem("079", new LocalizedText("Thành phố Hồ Chí Minh", "Hồ Chí Minh City"), null)]),
    });

    /// <summary>apply → review (accept with fields → record → done; refuse with a reason) → the `set` step reads a field.</summary>
    public const string Valid = """
        id: outcome-fields
        version: 1
        title: { vi: Thử trường kết quả, en: Outcome fields test }
        agency: sgd-01
        forms:
          application:
            pages:
              - id: one
                title: { vi: Một, en: One }
                fields:
                  - { id: fullName, type: text, label: { vi: Họ và tên, en: Full name } }
        flow:
          start: apply
          steps:
            apply: { type: form, form: application, then: { submitted: review } }
            review:
              type: task
              role: department-officer
              outcomes:
                accept:
                  to: record
                  fields:
                    - { id: diplomaNumber, type: text, label: { vi: Số hiệu văn bằng, en: Diploma number }, required: true, maxLength: 12,
                        hint: { vi: Ghi trên văn bằng, en: As printed on the diploma } }
                    - { id: registerNumber, type: text, label: { vi: Số vào sổ gốc, en: Register number }, required: true }
                    - { id: issuedOn, type: date, label: { vi: Ngày cấp, en: Date of issue }, required: true }
                    - { id: copies, type: number, label: { vi: Số bản sao, en: Copies }, min: 1, max: 10 }
                    - id: ranking
                      type: select
                      label: { vi: Xếp loại, en: Ranking }
                      options:
                        - { value: good, label: { vi: Khá, en: Good } }
                        - { value: excellent, label: { vi: Giỏi, en: Excellent } }
                    - { id: province, type: select, codeList: provinces, label: { vi: Nơi cấp, en: Issued in } }
                    - { id: note, type: textarea, label: { vi: Ghi chú, en: Note } }
                refuse: { to: refused, requiresReason: true }
            record:
              type: set
              variables:
                summary: { cat: [ { var: review.fields.diplomaNumber }, "/", { var: review.fields.registerNumber } ] }
                total: { "*": [ 20000, { var: review.fields.copies } ] }
              then: done
            done: { type: end, result: approved }
            refused: { type: end, result: refused }
        """;

    [Fact]
    public void Should_read_the_fields_of_an_outcome_with_the_form_field_syntax()
    {
        var errors = new List<DefinitionError>();
        var definition = loader.LoadText("outcome-fields.yaml", Valid, Provinces, errors)?.Definition;

        Assert.Empty(errors);
        Assert.Same(Provinces, definition!.CodeLists);
        var review = Assert.IsType<TaskStepSettings>(definition.Flow.Steps["review"].Settings);
        var accept = review.Outcomes["accept"];
        Assert.Equal(["diplomaNumber", "registerNumber", "issuedOn", "copies", "ranking", "province", "note"], accept.Fields.Select(f => f.Id));
        var number = accept.Fields[0];
        Assert.Equal((FieldType.Text, true, 12), (number.Type, number.Required, number.MaxLength));
        Assert.Equal(new LocalizedText("Số hiệu văn bằng", "Diploma number"), number.Label);
        Assert.Equal("As printed on the diploma", number.Hint!.En);
        Assert.Equal(new SourceLocation("outcome-fields.yaml", 23, 15), number.Location);
        Assert.Equal(FieldType.Date, accept.Fields[2].Type);
        Assert.Equal((1m, 10m), (accept.Fields[3].Min!.Value, accept.Fields[3].Max!.Value));
        Assert.Equal(["good", "excellent"], accept.Fields[4].Options.Select(o => o.Value));
        Assert.Equal("provinces", accept.Fields[5].CodeList);
        Assert.Equal(FieldType.Textarea, accept.Fields[6].Type);
        Assert.Empty(review.Outcomes["refuse"].Fields);
        Assert.True(review.Outcomes["refuse"].RequiresReason);
        Assert.Equal("record", definition.Flow.Steps["review"].Transitions["accept"]);
    }

    [Fact]
    public void Should_report_each_mistake_in_outcome_fields_at_its_line_and_column()
    {
        const string text = """
            id: outcome-field-errors
            version: 1
            title: { vi: Lỗi trường kết quả, en: Outcome field errors }
            agency: sgd-01
            flow:
              start: review
              steps:
                review:
                  type: task
                  role: department-officer
                  outcomes:
                    accept:
                      to: check
                      fields:
                        - { id: number, type: text, label: { vi: Số, en: Number } }
                        - { id: number, type: text, label: { vi: Số nữa, en: Number again } }
                        - { id: scan, type: file, label: { vi: Bản quét, en: Scan } }
                        - { id: when, type: datetime, label: { vi: Lúc, en: When } }
                        - { id: place, type: select, codeList: nowhere, label: { vi: Nơi, en: Place } }
                        - { id: level, type: select, label: { vi: Bậc, en: Level } }
                        - { id: extra, type: text, label: { vi: Thêm, en: Extra }, visibleWhen: { var: x } }
                        - { id: who, type: text, label: { vi: Ai, en: Who }, prefill: fullName }
                        - { id: bare, type: text }
                    refuse: { to: done, requiresReason: true, fields: { id: oops } }
                check: { type: decision, condition: { "==": [ { var: review.fields.numbr }, "1" ] }, then: { "true": done, "false": done } }
                done: { type: end, result: ok }
            """;
        var errors = new List<DefinitionError>();

        var loaded = loader.LoadText("outcome-field-errors.yaml", text, CodeListCatalog.Empty, errors);

        Assert.Null(loaded);
        var actual = errors.Select(e => (e.Location.Line, e.Location.Column, e.Message)).ToList();
        (int Line, int Col, string Phrase)[] expected =
        [
            (16, 15, "Duplicate field id 'number' in outcome 'accept'"),
            (17, 33, "Outcome 'accept' cannot have a `file` field"),
            (18, 33, "Unknown field type 'datetime'"),
            (19, 15, "Unknown code list 'nowhere'"),
            (20, 15, "The select field 'level' needs `options:` or `codeList:`"),
            (21, 85, "`visibleWhen` is not supported on the fields of a task outcome"),
            (22, 75, "`prefill` is not supported on the fields of a task outcome"),
            (23, 15, "Missing 'label'"),
            (24, 59, "`fields:` of outcome 'refuse' must be a list"),
            (25, 12, "No outcome of step 'review' has a field 'numbr'"),
        ];
        var missing = expected.Where(e => !actual.Any(a => a.Line == e.Line && a.Column == e.Col && a.Message.Contains(e.Phrase, StringComparison.Ordinal))).ToList();
        var unexpected = actual.Where(a => !expected.Any(e => a.Line == e.Line && a.Column == e.Col && a.Message.Contains(e.Phrase, StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            "Missing:\n" + string.Join("\n", missing) + "\nUnexpected:\n" + string.Join("\n", unexpected.Select(u => $"{u.Line}:{u.Column}: {u.Message}")));
    }
}
