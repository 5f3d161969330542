using System.Diagnostics;
using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PublicServices.Platform.Documents;
using PublicServices.Platform.Documents.Signing;
using PublicServices.Tests;
using PublicServices.Workflows.Definitions.Loading;

namespace PublicServices.Benchmarks;

/// <summary>
/// Document rendering throughput on one thread: each case runs after a warm-up for a fixed time, then prints PDFs per
/// second, mean time, allocation and size. `documents [seconds] [case...]`.
/// </summary>
public static class DocumentsDriver
{
    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 && double.TryParse(args[0], CultureInfo.InvariantCulture, out var s) ? s : 5;
        var only = args.Skip(1).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var fonts = DocumentFonts.Locate(null);
        var dataPath = Directory.CreateTempSubdirectory("ps-bench-signing-").FullName;
        var signing = new DocumentSigningOptions { GenerateDevelopmentCertificate = true };
        // The development certificate (ECDSA P-256), and an RSA-2048 one to compare.
        var renderer = new DocumentRenderer(fonts, new DocumentSigner(SigningCertificates.Load(signing, dataPath, TimeProvider.System), signing));
        var rsaRenderer = new DocumentRenderer(fonts, new DocumentSigner(new SigningCertificate(RsaCertificate(), [], Development: true), signing));
        var catalog = LoadTemplates();
        var certificate = catalog.Get("diploma-copy");
        var table = catalog.Get(DocumentSampleData.ResultTableTemplateId);
        var certificateModel = DocumentSampleData.DiplomaCopy();
        var tableModel = DocumentSampleData.ResultTable(40);

        Console.WriteLine($"// {Environment.ProcessorCount} cores, .NET {Environment.Version}, font {renderer.Fonts.FamilyName}, {seconds:0.#} s per case, one thread");
        Console.WriteLine("| case | PDFs/s per core (thread CPU: median, best batch) | CPU per PDF (median) | PDFs/s wall clock (median, best batch) | allocated per PDF | size | pages |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var cases = new List<(string Name, string Title, Func<byte[]> Render)>
        {
            ("naive", "naive PDFsharp loop: same text, fonts and page, no layout (unsigned)", () => NaiveBaseline.Render(certificateModel)),
            ("certificate", "one-page certificate (diploma copy), unsigned", () => renderer.Render(certificate, certificateModel)),
            ("certificate-signed", "one-page certificate, signed (ECDSA P-256)", () => renderer.RenderSigned(certificate, certificateModel)),
            ("certificate-signed-rsa", "one-page certificate, signed (RSA-2048)", () => rsaRenderer.RenderSigned(certificate, certificateModel)),
            ("table", "result table, 40 rows (two pages), unsigned", () => renderer.Render(table, tableModel)),
            ("table-signed", "result table, 40 rows (two pages), signed (ECDSA P-256)", () => renderer.RenderSigned(table, tableModel)),
        };
        var selected = cases.Where(c => only.Count == 0 || only.Contains(c.Name)).ToList();
        var results = Measure(selected.Select(c => c.Render).ToList(), seconds);
        // BENCH_DOCUMENTS_OUT=folder keeps one PDF of each case there, to look at.
        var keep = Environment.GetEnvironmentVariable("BENCH_DOCUMENTS_OUT");
        for (var i = 0; i < selected.Count; i++)
        {
            var r = results[i];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {selected[i].Title} | {1 / r.CpuMedian:0} (best {1 / r.CpuBest:0}) | {r.CpuMedian * 1000:0.00} ms | {1 / r.WallMedian:0} (best {1 / r.WallBest:0}) | {r.Allocated / 1024.0:0} KB | {r.Size / 1024.0:0.0} KB ({r.Size:N0} B) | {r.Pages} |"));
            if (!string.IsNullOrEmpty(keep))
                File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(keep).FullName, selected[i].Name + ".pdf"), r.Last);
        }
        var naive = selected.FindIndex(c => c.Name == "naive");
        if (naive >= 0)
            for (var i = 0; i < selected.Count; i++)
                if (i != naive)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"// {selected[i].Name}: {results[naive].CpuMedian / results[i].CpuMedian:0.00}× the naive loop's PDFs per second (thread CPU, median), {(double)results[i].Size / results[naive].Size:0.00}× its size"));
        Directory.Delete(dataPath, recursive: true);
        return 0;
    }

    private static X509Certificate2 RsaCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Sở Giáo dục và Đào tạo (demo), O=PublicServices demo, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private sealed record Result(double CpuMedian, double CpuBest, double WallMedian, double WallBest, long Allocated, long Size, int Pages, byte[] Last);

    /// <summary>
    /// Renders every case in turns, a batch of 10 each, for <paramref name="seconds"/> per case after a warm-up. The
    /// machine is shared (other builds run beside it), so cases take turns to meet the same load, and besides wall-clock
    /// time each batch records the render thread's own CPU time (CLOCK_THREAD_CPUTIME_ID, which leaves out the time the
    /// thread waits for a core): 1 / median is PDFs per second per core; the best batch is the least disturbed.
    /// </summary>
    private static List<Result> Measure(List<Func<byte[]>> renders, double seconds)
    {
        const int batch = 10;
        var last = renders.Select(r => r()).ToArray();
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < Math.Max(1, seconds / 3) * renders.Count)
            for (var i = 0; i < renders.Count; i++)
                last[i] = renders[i]();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var cpu = renders.Select(_ => new List<double>()).ToArray();
        var wall = renders.Select(_ => new List<double>()).ToArray();
        var allocated = new long[renders.Count];
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < seconds * renders.Count)
            for (var i = 0; i < renders.Count; i++)
            {
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var cpuStart = ThreadCpuSeconds();
                var wallStart = Stopwatch.GetTimestamp();
                for (var n = 0; n < batch; n++)
                    last[i] = renders[i]();
                cpu[i].Add((ThreadCpuSeconds() - cpuStart) / batch);
                wall[i].Add(Stopwatch.GetElapsedTime(wallStart).TotalSeconds / batch);
                allocated[i] += GC.GetAllocatedBytesForCurrentThread() - bytes;
            }
        return renders.Select((_, i) => new Result(Median(cpu[i]), cpu[i].Min(), Median(wall[i]), wall[i].Min(),
            allocated[i] / (cpu[i].Count * batch), last[i].Length,
            System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(last[i]), @"/Type\s*/Page\b"), last[i])).ToList();
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>CPU time of the calling thread (Linux); elsewhere, wall-clock time.</summary>
    private static double ThreadCpuSeconds()
    {
        const int threadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID
        if (OperatingSystem.IsLinux() && ClockGetTime(threadCpuTime, out var time) == 0)
            return time.Seconds + time.Nanoseconds / 1e9;
        return Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
    }

    public static DocumentTemplateCatalog LoadTemplates()
    {
        var folder = Directory.CreateTempSubdirectory("ps-bench-documents-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot(), "templates", "documents"), "*.yaml"))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(folder, DocumentSampleData.ResultTableTemplateId + ".yaml"), DocumentSampleData.ResultTableTemplate);
            var errors = new List<DefinitionError>();
            var catalog = DocumentTemplateCatalog.LoadDirectory(folder, errors);
            return errors.Count == 0 ? catalog : throw new InvalidOperationException(string.Join("\n", errors));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PublicServices.sln")))
                return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    /// <summary>
    /// What a first PDFsharp program does: a page, the certificate's text drawn line by line with the same fonts
    /// (subset, compressed), saved. No wrapping, no measuring, no QR, no post-processing: the floor for PDFsharp.
    /// </summary>
    private static class NaiveBaseline
    {
        public static byte[] Render(IReadOnlyDictionary<string, object?> model)
        {
            using var document = new PdfDocument();
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            using (var g = XGraphics.FromPdfPage(page))
            {
                var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
                const string family = DocumentFonts.FullFamily; // the font files as installed, as a first program would use them
                var bold = new XFont(family, 12.5, XFontStyleEx.Bold, options);
                var regular = new XFont(family, 13, XFontStyleEx.Regular, options);
                var italic = new XFont(family, 13, XFontStyleEx.Italic, options);
                double y = 60;
                void Line(string text, XFont font)
                {
                    g.DrawString(text, font, XBrushes.Black, 85, y, XStringFormats.TopLeft);
                    y += 18;
                }
                Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold);
                Line("Độc lập - Tự do - Hạnh phúc", bold);
                Line("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", regular);
                Line("SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI", bold);
                Line("Số: " + model["number"], regular);
                Line("Hà Nội, ngày 05 tháng 03 năm 2025", italic);
                Line("BẢN SAO VĂN BẰNG", bold);
                Line(DocumentValues.Format(model["diplomaType"]), bold);
                Line("Căn cứ sổ gốc cấp văn bằng, chứng chỉ đang lưu trữ, Sở Giáo dục và Đào tạo Hà Nội chứng thực", regular);
                Line("bản sao dưới đây được cấp từ sổ gốc và có giá trị sử dụng thay cho bản chính theo quy định.", regular);
                foreach (var key in new[] { "holderName", "dateOfBirth", "placeOfBirth", "gender", "school", "graduationYear", "ranking", "diplomaNumber", "registerNumber", "copies" })
                    Line(key + ": " + DocumentValues.Format(model[key]), regular);
                Line("Bản sao này được cấp dưới dạng điện tử, ký số; tính xác thực được tra cứu qua mã QR.", italic);
                Line("KT. GIÁM ĐỐC  PHÓ GIÁM ĐỐC", bold);
                Line("(Đã ký số)", italic);
                Line(DocumentValues.Format(model["signerName"]), bold);
                Line("Tra cứu văn bản tại " + model["verifyUrl"], regular);
            }
            using var output = new MemoryStream();
            document.Save(output);
            return output.ToArray();
        }
    }
}
