using Microsoft.AspNetCore.Hosting;
using PublicServices.Tests;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Notifications;

/// <summary>
/// The portal on a copy of workflows/ whose demo procedure reminds of its fee with a template that templates/notifications/
/// does not have, to see the start-up refuse it.
/// </summary>
public sealed class MissingReminderTemplatePortalFactory : ClockedPortalFactory
{
    public MissingReminderTemplatePortalFactory()
    {
        var source = RepoPaths.InRepo("workflows");
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(directory.Replace(source, Workflows));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(source, Workflows));
        var definition = Path.Combine(Workflows, "diploma-copy.yaml");
        const string reminder = "      remind: { template: deadline-approaching, before: 6 hours }";
        var text = File.ReadAllText(definition);
        if (!text.Contains(reminder, StringComparison.Ordinal))
            throw new InvalidOperationException($"diploma-copy.yaml no longer contains:\n{reminder}");
        File.WriteAllText(definition, text.Replace(reminder, "      remind: { template: deadline-soon, before: 6 hours }", StringComparison.Ordinal));
    }

    private string Workflows { get; } = Path.Combine(Path.GetTempPath(), "ps-web-tests", Guid.NewGuid().ToString("N"), "workflows");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Workflows:Path", Workflows);
        builder.UseSetting("Templates:Path", RepoPaths.InRepo("templates"));
    }
}
