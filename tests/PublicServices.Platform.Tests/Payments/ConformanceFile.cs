using PublicServices.Tests;

namespace PublicServices.Platform.Tests.Payments;

/// <summary>
/// RepoPaths.Conformance looks only at {repo}/../shared/conformance, which is right for /work/main but
/// not for a worktree one level deeper (/work/wt/x). Fall back to the nearest ancestor holding
/// shared/conformance so these tests run in both places; the files are still read as they are.
/// </summary>
internal static class ConformanceFile
{
    public static string Path(string file)
    {
        var preferred = RepoPaths.Conformance(file);
        if (File.Exists(preferred))
            return preferred;
        for (var dir = new DirectoryInfo(RepoPaths.Root); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "conformance", file);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"Conformance file {file} not found above {RepoPaths.Root}");
    }
}
