using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Tasks;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Work;

/// <summary>
/// Task deadlines in Vietnamese working days and escalation, with the clock under control. The review step of the demo
/// procedure is due in 3 working days and escalates to the department leader.
/// </summary>
public sealed class DeadlineTests : IClassFixture<BeforeMayHolidaysPortalFactory>
{
    private readonly BeforeMayHolidaysPortalFactory portal;

    public DeadlineTests(BeforeMayHolidaysPortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task Should_count_working_days_across_the_holidays_then_show_overdue_and_escalate_once()
    {
        // Friday 24/04/2026: Monday 27/04 (Hùng Kings), Thursday 30/04 and Friday 01/05 are holidays, 02–03/05 a weekend.
        var code = (await TestDossiers.SubmitPaidAsync(portal, "nguyen.an@example.com", 1))[0];
        await TestDossiers.CreateOfficialAsync(portal, "lanhdao.khac@demo.gov.vn", "department-leader", "naric", "Lãnh Đạo Khác");
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var officer = await db.Users.SingleAsync(u => u.Email == "so.hanoi@demo.gov.vn");
        var leader = await db.Users.SingleAsync(u => u.Email == "lanhdao.so@demo.gov.vn");
        var scopeOfOfficer = new OfficialScope(officer.Id, officer.FullName, ["department-officer"], "sgd-01", null);
        async Task<bool> InViewAsync(TaskView view)
        {
            using var s = portal.Services.CreateScope();
            var page = await s.ServiceProvider.GetRequiredService<TaskQueue>().PageAsync(scopeOfOfficer, new TaskQuery { View = view, Keyword = code }, CancellationToken.None);
            return page.Items.Any(t => t.DossierCode == code);
        }
        async Task<int> EscalateAsync()
        {
            using var s = portal.Services.CreateScope();
            return await s.ServiceProvider.GetRequiredService<TaskEscalationWork>().RunOnceAsync("test", CancellationToken.None);
        }

        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.DossierCode == code);
        Assert.Equal(new DateTime(2026, 5, 4, 23, 59, 59), task.DueAt!.Value.AddHours(7)); // 28/04, 29/04, 04/05

        portal.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.FromHours(7)));
        Assert.True(await InViewAsync(TaskView.DueSoon));
        Assert.False(await InViewAsync(TaskView.Overdue));
        Assert.Equal(0, await EscalateAsync());

        portal.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 5, 8, 0, 0, TimeSpan.FromHours(7)));
        Assert.True(await InViewAsync(TaskView.Overdue));
        Assert.True(await EscalateAsync() >= 1);
        Assert.Equal(0, await EscalateAsync());

        var messages = await db.Notifications.AsNoTracking().Where(n => n.DossierCode == code && n.Template == TaskEscalationWork.Template).ToListAsync();
        var message = Assert.Single(messages); // the leader of sgd-01 only, not the one of another unit
        Assert.Equal(leader.Id, message.RecipientId);
        Assert.Equal($"Hồ sơ {code} quá hạn xử lý", message.SubjectVi);
        Assert.Contains("04/05/2026", message.BodyVi);
        Assert.NotNull((await db.Tasks.AsNoTracking().SingleAsync(t => t.DossierCode == code)).EscalatedAt);
    }
}
