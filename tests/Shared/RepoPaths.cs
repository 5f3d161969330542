namespace PublicServices.Tests;

/// <summary>Paths of the repository and of ../shared/conformance, found from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Conformance(string file) =>
        Path.GetFullPath(Path.Combine(Root, "..", "shared", "conformance", file));

    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PublicServices.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("PublicServices.sln not found above " + AppContext.BaseDirectory);
    }
}
