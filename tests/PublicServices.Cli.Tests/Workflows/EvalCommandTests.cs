using PublicServices.Cli.Workflows;

namespace PublicServices.Cli.Tests.Workflows;

public sealed class EvalCommandTests
{
    [Fact]
    public void Should_print_the_result_as_json()
    {
        var output = new StringWriter();

        var exit = EvalCommand.Run("""{"if":[{"var":"abroad"},500000,250000]}""", """{"abroad":true}""", output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Equal("500000", output.ToString().Trim());
    }

    [Theory]
    [InlineData("""{"nope":[1]}""", "{}", "Unknown operator 'nope'")]
    [InlineData("""{"==":[1,""", "{}", "invalid JSON")]
    [InlineData("true", "{oops", "invalid JSON")]
    public void Should_explain_invalid_input_and_exit_2(string rule, string data, string message)
    {
        var error = new StringWriter();

        Assert.Equal(2, EvalCommand.Run(rule, data, new StringWriter(), error));
        Assert.Contains(message, error.ToString());
    }
}
