using System.CommandLine;

namespace PublicServices.Cli.Tests;

/// <summary>
/// A CLI test against a real SQLite file in its own folder, chosen through the same environment variable as the web app
/// (<c>Database__DataPath</c>); <see cref="RunAsync"/> runs the test's commands and captures what they print.
/// </summary>
[Collection("environment")]
public abstract class CliDatabaseTest : IDisposable
{
    private readonly TextWriter stdout = Console.Out;
    private readonly TextWriter stderr = Console.Error;

    protected CliDatabaseTest()
    {
        Directory.CreateDirectory(DataPath);
        Environment.SetEnvironmentVariable("Database__DataPath", DataPath);
    }

    protected string DataPath { get; } = Path.Combine(Path.GetTempPath(), "ps-cli-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The verbs this test runs (a fresh instance per run: System.CommandLine commands hold their parse state).</summary>
    protected abstract IEnumerable<Command> Commands();

    protected async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        var root = new RootCommand();
        foreach (var command in Commands())
            root.Subcommands.Add(command);
        var exit = await root.Parse(args).InvokeAsync();
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("Database__DataPath", null);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        GC.SuppressFinalize(this);
    }
}
