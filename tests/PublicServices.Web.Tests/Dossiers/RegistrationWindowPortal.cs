using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Persistence;
using PublicServices.Tests;
using PublicServices.Web.Tests.Support;
using PublicServices.Workflows.Runtime;

namespace PublicServices.Web.Tests.Dossiers;

/// <summary>
/// The portal on Monday 09/11/2026 09:00 with the repository's procedures plus this project's workflows/window-test.yaml
/// (registration window 10/11 08:00 – 12/11 17:00 from settings, edits, uniqueBy); <paramref name="overrides"/> are extra
/// configuration entries (e.g. a setting's override).
/// </summary>
public class RegistrationWindowPortal : ClockedPortalFactory
{
    public const string ProcedureId = "window-test";

    public RegistrationWindowPortal() : this(new Dictionary<string, string?>()) { }

    protected RegistrationWindowPortal(Dictionary<string, string?> overrides)
        : base(new DateTimeOffset(2026, 11, 9, 9, 0, 0, TimeSpan.FromHours(7)), Settings(overrides, out var folder)) => Folder = folder;

    private string Folder { get; }

    private static Dictionary<string, string?> Settings(Dictionary<string, string?> overrides, out string folder)
    {
        folder = Path.Combine(Path.GetTempPath(), "ps-web-tests", "workflows-" + Guid.NewGuid().ToString("N"));
        Copy(RepoPaths.InRepo("workflows"), folder);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.InRepo("tests", "PublicServices.Web.Tests", "workflows"), "*.yaml"))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var settings = new Dictionary<string, string?> { ["Workflows:Path"] = folder, ["Templates:Path"] = RepoPaths.InRepo("templates") };
        foreach (var (key, value) in overrides)
            settings[key] = value;
        return settings;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var directory in Directory.EnumerateDirectories(from))
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
    }

    public static JsonObject Registration(string cccd, string category = "a", string name = "Nguyễn Thị Hồng Nhung", int year = 2027) => new()
    {
        ["fullName"] = name, ["cccd"] = cccd, ["category"] = category, ["year"] = year,
    };

    /// <summary>The dossier's instance: variables, open waits' steps, journal events, and the ids of its open tasks.</summary>
    public async Task<(JsonObject Variables, IReadOnlyList<string> Waits, IReadOnlyList<string> Events, IReadOnlyList<Guid> Tasks)> InstanceAsync(string code)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var instanceId = await db.Dossiers.Where(d => d.Code == code).Select(d => d.InstanceId).SingleAsync();
        var state = WorkflowStateJson.Deserialize(await db.Instances.Where(i => i.Id == instanceId).Select(i => i.StateJson).SingleAsync());
        var events = await db.Journal.Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id).Select(j => j.Event).ToListAsync();
        var tasks = await db.Tasks.Where(t => t.DossierCode == code).Select(t => t.Id).ToListAsync();
        return (state.Variables, state.Bookmarks.Select(b => b.StepId).ToList(), events, tasks);
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

/// <summary>The same portal with the window opened a day early by configuration (Workflows:Settings:window-test:registrationOpens).</summary>
public sealed class EarlyWindowPortal() : RegistrationWindowPortal(new Dictionary<string, string?>
{
    ["Workflows:Settings:window-test:registrationOpens"] = "2026-11-09T08:00:00+07:00",
    ["Workflows:Settings:window-test:examYear"] = "2028",
});
