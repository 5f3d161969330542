using PublicServices.Tests;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Remarking;

/// <summary>
/// The portal with the repository's procedures and templates plus the test pair in Remarking/TestWorkflows: an exam
/// result whose certificate the candidate's council issues (remark-parent-test) and a re-marking started from it
/// (remark-child-test).
/// </summary>
public sealed class RemarkingPortal : PortalFactory
{
    public const string Parent = "remark-parent-test";
    public const string Child = "remark-child-test";

    public RemarkingPortal() : base("Development", Settings(out var folder)) => Folder = folder;

    private string Folder { get; }

    private static Dictionary<string, string?> Settings(out string folder)
    {
        folder = Path.Combine(Path.GetTempPath(), "ps-web-tests", "remarking-" + Guid.NewGuid().ToString("N"));
        var tests = RepoPaths.InRepo("tests", "PublicServices.Web.Tests", "Remarking", "TestWorkflows");
        Copy(RepoPaths.InRepo("workflows"), Path.Combine(folder, "workflows"));
        Copy(RepoPaths.InRepo("templates"), Path.Combine(folder, "templates"));
        foreach (var file in Directory.EnumerateFiles(tests, "*.yaml"))
            File.Copy(file, Path.Combine(folder, "workflows", Path.GetFileName(file)));
        Copy(Path.Combine(tests, "templates"), Path.Combine(folder, "templates"));
        return new Dictionary<string, string?> { ["Workflows:Path"] = Path.Combine(folder, "workflows"), ["Templates:Path"] = Path.Combine(folder, "templates") };
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        foreach (var directory in Directory.EnumerateDirectories(from))
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
