using BenchmarkDotNet.Attributes;
using PublicServices.Platform.Documents;
using PublicServices.Workflows.Definitions.Loading;

namespace PublicServices.Benchmarks;

/// <summary>The one-page diploma copy (header, fields, signature, QR, footer) rendered to PDF bytes.</summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private readonly DocumentRenderer renderer = new(DocumentFonts.Locate(null));
    private DocumentTemplate template = null!;

    private readonly Dictionary<string, object?> model = PublicServices.Tests.DocumentSampleData.DiplomaCopy();

    [GlobalSetup]
    public void Setup()
    {
        var errors = new List<DefinitionError>();
        template = DocumentTemplateCatalog.LoadDirectory(Path.Combine(RepoRoot(), "templates", "documents"), errors).Get("diploma-copy");
        if (errors.Count > 0)
            throw new InvalidOperationException(string.Join("\n", errors));
        Console.WriteLine($"// diploma-copy: {renderer.Render(template, model).Length} bytes per PDF, font {renderer.Fonts.FamilyName}");
    }

    [Benchmark]
    public byte[] RenderDiplomaCopy() => renderer.Render(template, model);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PublicServices.sln")))
                return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
