using PublicServices.Cli.Workflows;
using PublicServices.Tests;

namespace PublicServices.Cli.Tests.Workflows;

public sealed class ValidateCommandTests
{
    [Fact]
    public void Should_pass_the_repository_definitions_with_a_one_line_summary()
    {
        var output = new StringWriter();

        var exit = ValidateCommand.Run([RepoPaths.InRepo("workflows")], output);

        Assert.Equal(0, exit);
        Assert.Matches(@"^\d+ definition\(s\), \d+ code list\(s\): OK\s*$", output.ToString());
    }

    [Fact]
    public void Should_print_every_error_as_file_line_column_and_exit_1()
    {
        var folder = Directory.CreateTempSubdirectory("ps-validate-").FullName;
        File.WriteAllText(Path.Combine(folder, "bad.yaml"), """
            id: bad
            version: 1
            title: { vi: Sai }
            agency: naric
            flow:
              start: a
              steps:
                a: { type: wait, signal: go, then: nowhere }
            """);
        var output = new StringWriter();

        var exit = ValidateCommand.Run([folder], output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith(Path.Combine(folder, "bad.yaml") + ":3:8: ", StringComparison.Ordinal) && l.Contains("Missing English text"));
        Assert.Contains(lines, l => l.StartsWith(Path.Combine(folder, "bad.yaml") + ":8:40: ", StringComparison.Ordinal) && l.Contains("missing step 'nowhere'"));
        Assert.Equal("2 error(s) / 2 lỗi", lines[^1].Trim());
    }

    [Fact]
    public void Should_check_what_the_steps_ask_of_the_templates_folder_beside_workflows()
    {
        var root = Directory.CreateTempSubdirectory("ps-validate-").FullName;
        var workflows = Directory.CreateDirectory(Path.Combine(root, "workflows")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "templates", "notifications"));
        var documents = Directory.CreateDirectory(Path.Combine(root, "templates", "documents")).FullName;
        File.Copy(RepoPaths.InRepo("templates/documents/refusal-letter.yaml"), Path.Combine(documents, "refusal-letter.yaml"));
        File.WriteAllText(Path.Combine(workflows, "letters.yaml"), """
            id: letters
            version: 1
            title: { vi: Thư, en: Letters }
            agency: naric
            flow:
              start: letter
              steps:
                letter:
                  type: document
                  template: refusal-letter
                  data: { applicantName: Ai đó, reasons: Không rõ, signerTitle: TL. GIÁM ĐỐC, signerName: Người ký }
                  then: told
                told: { type: notify, template: nobody-wrote-this, then: done }
                done: { type: end, result: refused }
            """);
        var output = new StringWriter();

        var exit = ValidateCommand.Run([workflows], output);

        var text = output.ToString();
        Assert.Equal(1, exit);
        Assert.Contains("letters.yaml:9:7: Mẫu 'refusal-letter' không có biến 'reasons'", text);
        Assert.Contains("letters.yaml:9:7: Biến 'reason' của mẫu 'refusal-letter' chưa được gán", text);
        Assert.Contains("letters.yaml:13:11: Không có mẫu thông báo 'nobody-wrote-this'", text);
    }

    [Fact]
    public void Should_fail_for_a_path_that_does_not_exist()
    {
        var output = new StringWriter();

        Assert.Equal(1, ValidateCommand.Run(["/no/such/folder"], output));
        Assert.Contains("no such file or folder", output.ToString());
    }
}
