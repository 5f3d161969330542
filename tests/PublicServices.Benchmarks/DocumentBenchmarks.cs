using BenchmarkDotNet.Attributes;
using PublicServices.Platform.Documents;
using PublicServices.Platform.Documents.Signing;

namespace PublicServices.Benchmarks;

/// <summary>
/// The one-page diploma copy (header, fields, signature, QR, footer) unsigned and signed, and a two-page result table,
/// rendered to PDF bytes (BenchmarkDotNet, with allocations). `documents` in Program.cs measures the same on a shared
/// machine with thread CPU time and the naive PDFsharp baseline.
/// </summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private readonly Dictionary<string, object?> model = PublicServices.Tests.DocumentSampleData.DiplomaCopy();
    private readonly Dictionary<string, object?> tableModel = PublicServices.Tests.DocumentSampleData.ResultTable(40);
    private DocumentRenderer renderer = null!;
    private DocumentTemplate template = null!;
    private DocumentTemplate table = null!;
    private string dataPath = null!;

    [GlobalSetup]
    public void Setup()
    {
        dataPath = Directory.CreateTempSubdirectory("ps-bench-signing-").FullName;
        var options = new DocumentSigningOptions { GenerateDevelopmentCertificate = true };
        renderer = new DocumentRenderer(DocumentFonts.Locate(null), new DocumentSigner(SigningCertificates.Load(options, dataPath, TimeProvider.System), options));
        var catalog = DocumentsDriver.LoadTemplates();
        template = catalog.Get("diploma-copy");
        table = catalog.Get(PublicServices.Tests.DocumentSampleData.ResultTableTemplateId);
        Console.WriteLine($"// diploma-copy: {renderer.Render(template, model).Length} bytes unsigned, {renderer.RenderSigned(template, model).Length} signed; font {renderer.Fonts.FamilyName}");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(dataPath, recursive: true);

    [Benchmark]
    public byte[] RenderDiplomaCopy() => renderer.Render(template, model);

    [Benchmark]
    public byte[] RenderDiplomaCopySigned() => renderer.RenderSigned(template, model);

    [Benchmark]
    public byte[] RenderResultTable40Signed() => renderer.RenderSigned(table, tableModel);
}
