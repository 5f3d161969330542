using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Dashboard;

/// <summary>
/// The portal with known dossiers submitted in February 2026 (around Tết: no working day from 14 to 22 Feb), written
/// straight into the tables. Ask for them with <see cref="Range"/>.
/// sgd-01 (so.hanoi): A on time (2 working days), B late (3), and C waiting at its school 01-001.
/// naric (tiepnhan): D, another procedure, late (3). sgd-02: 1,200 withdrawn dossiers, for the thousands separators.
/// </summary>
public sealed class DashboardPortal : PortalFactory
{
    public const string Range = "from=2026-02-02&to=2026-03-01";
    public const int Withdrawn = 1200;

    private readonly Lazy<Task> seeded;

    public DashboardPortal() => seeded = new Lazy<Task>(SeedAsync);

    public Task SeededAsync() => seeded.Value;

    private async Task SeedAsync()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Add(db, "T-A", "diploma-copy", "sgd-01", Utc(2026, 2, 12, 2), "Completed", Utc(2026, 2, 23, 3), new DateOnly(2026, 2, 24));
        Add(db, "T-B", "diploma-copy", "sgd-01", Utc(2026, 2, 13, 9), "Completed", Utc(2026, 2, 25, 1), new DateOnly(2026, 2, 24));
        Add(db, "T-C", "diploma-copy", "01-001", Utc(2026, 2, 4, 3), "Waiting", Utc(2026, 2, 4, 3), new DateOnly(2026, 2, 11));
        Add(db, "T-D", "foreign-degree", "naric", Utc(2026, 2, 3, 3), "Completed", Utc(2026, 2, 6, 3), new DateOnly(2026, 2, 5));
        for (var i = 0; i < Withdrawn; i++)
            Add(db, $"T-W{i}", "diploma-copy", "sgd-02", Utc(2026, 2, 2 + i % 27, 3), "Cancelled", Utc(2026, 2, 2 + i % 27, 5), null, "withdrawn");
        await db.SaveChangesAsync();
    }

    private static void Add(AppDbContext db, string code, string procedure, string agency, DateTime submittedAt, string status,
        DateTime updatedAt, DateOnly? dueDate, string? result = null)
    {
        var instanceId = Guid.NewGuid();
        db.Instances.Add(new InstanceRecord
        {
            Id = instanceId, DefinitionId = procedure, DefinitionVersion = 1, Status = status, StateJson = "{}", Result = result,
            CreatedAt = submittedAt, UpdatedAt = updatedAt,
        });
        db.Dossiers.Add(new DossierRecord
        {
            Code = code, ProcedureId = procedure, ProcedureVersion = 1, ApplicantId = "seeded", InstanceId = instanceId, AgencyCode = agency,
            IdempotencyKey = code, SubmittedAt = submittedAt, DueDate = dueDate, DeclarationVersion = "v1", DeclaredAt = submittedAt,
        });
    }

    private static DateTime Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    /// <summary>A browser signed in with the two-step sign-in of officials (password, then the authenticator code).</summary>
    public async Task<HttpClient> OfficialBrowserAsync(string email)
    {
        var browser = Browser();
        var login = await HtmlPage.GetAsync(browser, "/account/login");
        var first = await login.SubmitAsync(browser, "/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = DemoSeeder.DemoPassword });
        var codePage = await HtmlPage.GetAsync(browser, first.Headers.Location!.ToString());
        var signedIn = await codePage.SubmitAsync(browser, "/account/login/code", new Dictionary<string, string>
        {
            ["Code"] = Totp.Code(DemoSeeder.DemoAuthenticatorKey, DateTimeOffset.UtcNow),
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    public async Task<HttpClient> ApplicantBrowserAsync(string email)
    {
        var browser = Browser();
        var login = await HtmlPage.GetAsync(browser, "/account/login");
        var signedIn = await login.SubmitAsync(browser, "/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = DemoSeeder.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }
}
