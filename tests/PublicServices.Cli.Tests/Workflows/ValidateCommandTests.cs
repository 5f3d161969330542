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
    public void Should_fail_for_a_path_that_does_not_exist()
    {
        var output = new StringWriter();

        Assert.Equal(1, ValidateCommand.Run(["/no/such/folder"], output));
        Assert.Contains("no such file or folder", output.ToString());
    }
}
