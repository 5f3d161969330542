using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Tasks;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Work;

/// <summary>An outcome with <c>dossierDeadline:</c> sets the dossier's legal due date again from its submission.</summary>
public sealed class DossierDeadlineTests : IClassFixture<BeforeMayHolidaysPortalFactory>
{
    private readonly BeforeMayHolidaysPortalFactory portal;

    public DossierDeadlineTests(BeforeMayHolidaysPortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task Should_extend_the_dossier_deadline_when_the_official_chooses_an_outcome_that_says_so()
    {
        var code = (await TestDossiers.SubmitPaidAsync(portal, "tran.binh@example.com", 1))[0];
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var officer = await db.Users.SingleAsync(u => u.Email == "so.hanoi@demo.gov.vn");
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.DossierCode == code);
        var before = (await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code)).DueDate;

        var result = await scope.ServiceProvider.GetRequiredService<TaskActions>().CompleteAsync(
            new OfficialScope(officer.Id, officer.FullName, ["department-officer"], "sgd-01", null), task.Id, "archive", "Sổ gốc năm 2025 đã chuyển lưu trữ.", null, CancellationToken.None);

        Assert.Equal(TaskActionStatus.Done, result.Status);
        // Submitted Friday 24/04/2026: 5 working days end on 06/05; 15 working days (skipping 27/04, 30/04, 01/05) on 20/05.
        Assert.Equal(new DateOnly(2026, 5, 6), before);
        Assert.Equal(new DateOnly(2026, 5, 20), (await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code)).DueDate);
        Assert.True(await db.Tasks.AnyAsync(t => t.DossierCode == code && t.Id != task.Id)); // back to review
    }
}
