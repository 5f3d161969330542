using System.Diagnostics;

namespace PublicServices.Tests;

/// <summary>poppler-utils (installed by scripts/test.sh): the text layer of a PDF as a reader's tools see it.</summary>
internal static class Poppler
{
    public static string PdfToText(byte[] pdf, params string[] options)
    {
        var input = Path.GetTempFileName();
        File.WriteAllBytes(input, pdf);
        try
        {
            return Run("pdftotext", [.. options, input, "-"]);
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>Renders the first page to <paramref name="target"/> (pdftoppm -png) for people to look at.</summary>
    public static void FirstPageToPng(byte[] pdf, int dpi, string target)
    {
        var input = Path.GetTempFileName();
        var prefix = Path.Combine(Path.GetTempPath(), "page-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllBytes(input, pdf);
            Run("pdftoppm", ["-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-singlefile", input, prefix]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(prefix + ".png", target, overwrite: true);
        }
        finally
        {
            File.Delete(input);
            File.Delete(prefix + ".png");
        }
    }

    public static string Run(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed: {error.Result}");
        return output.Result;
    }
}
