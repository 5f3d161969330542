using Microsoft.AspNetCore.Hosting;
using PublicServices.Tests;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Notifications;

/// <summary>
/// The portal on a copy of workflows/ whose demo procedure reminds of its fee 6 hours before the 24-hour expiry and says
/// when the fee is received (a notify step "paid" after the payment) — as the procedure author would write it.
/// </summary>
public class RemindingPortalFactory : ClockedPortalFactory
{
    public RemindingPortalFactory() : this("deadline-approaching") { }

    /// <summary>With another reminder template name (one that does not exist, to see the start-up refuse it).</summary>
    protected RemindingPortalFactory(string reminderTemplate)
    {
        var source = RepoPaths.InRepo("workflows");
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(directory.Replace(source, Workflows));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(source, Workflows));
        var definition = Path.Combine(Workflows, "diploma-copy.yaml");
        var text = File.ReadAllText(definition);
        text = Replace(text, "      expiry: 24 hours\n      then: { paid: review, expired: unpaid, cancelled: unpaid }",
            "      expiry: 24 hours\n      remind: { template: " + reminderTemplate + ", before: 6 hours }\n      then: { paid: paid-notice, expired: unpaid, cancelled: unpaid }\n" +
            "    paid-notice: { type: notify, template: paid, then: review }");
        File.WriteAllText(definition, text);
    }

    private string Workflows { get; } = Path.Combine(Path.GetTempPath(), "ps-web-tests", Guid.NewGuid().ToString("N"), "workflows");

    private static string Replace(string text, string what, string with) =>
        text.Contains(what, StringComparison.Ordinal) ? text.Replace(what, with, StringComparison.Ordinal)
            : throw new InvalidOperationException($"diploma-copy.yaml no longer contains:\n{what}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Workflows:Path", Workflows);
        builder.UseSetting("Templates:Path", RepoPaths.InRepo("templates"));
    }
}

/// <summary>The same procedure, reminding with a template that templates/notifications/ does not have.</summary>
public sealed class MissingReminderTemplatePortalFactory() : RemindingPortalFactory("deadline-soon");
