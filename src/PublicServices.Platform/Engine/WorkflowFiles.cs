using Microsoft.Extensions.Configuration;

namespace PublicServices.Platform.Engine;

/// <summary>
/// Where procedure definitions, code lists and calendar data live: <c>Workflows:Path</c>, or else the nearest
/// <c>workflows/</c> folder above the content root (the repository's, when run with <c>dotnet run</c>).
/// </summary>
public sealed record WorkflowFiles(string Root)
{
    public string Calendar => Path.Combine(Root, "calendar");

    /// <summary>templates/ beside workflows/ (or <c>Templates:Path</c>).</summary>
    public string Templates { get; init; } = Path.Combine(Path.GetDirectoryName(Root)!, "templates");

    public static WorkflowFiles Resolve(IConfiguration configuration, string contentRoot)
    {
        var files = Find(configuration, contentRoot);
        return configuration["Templates:Path"] is { Length: > 0 } templates
            ? files with { Templates = Path.GetFullPath(Path.Combine(contentRoot, templates)) }
            : files;
    }

    private static WorkflowFiles Find(IConfiguration configuration, string contentRoot)
    {
        if (configuration["Workflows:Path"] is { Length: > 0 } configured)
            return new WorkflowFiles(Path.GetFullPath(Path.Combine(contentRoot, configured)));
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows");
            if (Directory.Exists(candidate))
                return new WorkflowFiles(candidate);
        }
        throw new DirectoryNotFoundException(
            $"No workflows/ folder above {contentRoot}: set Workflows__Path / Không tìm thấy thư mục workflows.");
    }
}
