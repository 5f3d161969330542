using System.Text.RegularExpressions;
using System.Xml.Linq;
using PublicServices.Tests;

namespace PublicServices.Web.Tests.Foundation;

/// <summary>
/// Every string key the web app uses exists in Vietnamese and in English, and the two resource files hold the same keys:
/// a missing key would show its raw name to a citizen.
/// </summary>
public sealed partial class LocalizationResourceTests
{
    private static readonly string WebRoot = RepoPaths.InRepo("src", "PublicServices.Web");

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(WebRoot, "Resources", "Localization", file)).Root!
            .Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();

    [GeneratedRegex(""""(?:\bL|\bl|localizer)\["([A-Za-z][A-Za-z0-9.]+)"|ErrorMessage = "([A-Za-z][A-Za-z0-9.]+)"|Name = "([A-Z][A-Za-z0-9]+\.[A-Za-z0-9.]+)"""")]
    private static partial Regex KeyUse();

    [Fact]
    public void Should_have_the_same_keys_in_both_languages()
    {
        var vi = Keys("SharedResource.resx");
        var en = Keys("SharedResource.en.resx");

        Assert.Empty(vi.Except(en));
        Assert.Empty(en.Except(vi));
    }

    [Fact]
    public void Should_define_every_key_used_in_views_and_code()
    {
        var vi = Keys("SharedResource.resx");
        var used = Directory.EnumerateFiles(WebRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups.Values.Skip(1).First(g => g.Success).Value)))
            .ToList();

        Assert.NotEmpty(used);
        // A key ending in '.' is completed at run time (e.g. "Dossiers.Status." + status): every completion must exist.
        var dynamic = used.Where(u => u.Key.EndsWith('.')).Select(u => u.Key).Distinct().ToList();
        Assert.All(Enum.GetNames<PublicServices.Workflows.Runtime.InstanceStatus>(), status =>
            Assert.Contains("Dossiers.Status." + status, vi));
        var missing = used.Where(u => !u.Key.EndsWith('.') && !vi.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.All(new[] { "pending", "paid", "failed", "cancelled", "expired" }, status => Assert.Contains("Payments.Status." + status, vi));
        Assert.All(new[] { "sandbox", "vnpay", "vietqr" }, provider => Assert.Contains("Payments.Provider." + provider, vi));
        Assert.Equal(["Dossiers.Status.", "Payments.Provider.", "Payments.Status."], dynamic.Order());
        Assert.True(missing.Count == 0, "Missing resource keys:\n" + string.Join("\n", missing));
    }
}
