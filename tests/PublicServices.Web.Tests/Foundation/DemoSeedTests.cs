using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Foundation;

/// <summary>The Development seed: the demo units unchanged, every exam council's department and the sample schools as units.</summary>
public sealed class DemoSeedTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Should_seed_every_council_department_and_the_sample_schools_keeping_the_demo_units()
    {
        using var _ = portal.Browser();
        using var scope = portal.Services.CreateScope();
        var units = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Units.AsNoTracking().ToListAsync();

        foreach (var demo in DemoSeeder.DemoUnits)
        {
            var seeded = units.Single(u => u.Code == demo.Code);
            Assert.Equal((demo.NameVi, demo.NameEn, demo.Kind, demo.ParentCode, demo.Place, demo.SuperiorNameVi),
                (seeded.NameVi, seeded.NameEn, seeded.Kind, seeded.ParentCode, seeded.Place, seeded.SuperiorNameVi));
        }
        Assert.Equal(64, units.Count(u => u.Code.StartsWith("sgd-", StringComparison.Ordinal)));
        Assert.Equal(77, units.Count(u => u.Kind == UnitKind.School));
        var hue = units.Single(u => u.Code == "sgd-33");
        Assert.Equal(("Sở Giáo dục và Đào tạo Huế", "ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ", "Huế"), (hue.NameVi, hue.SuperiorNameVi, hue.Place));
        Assert.Equal(UnitKind.ExamCouncil, units.Single(u => u.Code == "sgd-65").Kind);
        Assert.All(units.Where(u => u.Kind == UnitKind.School), s => Assert.Contains(units, d => d.Code == s.ParentCode));
    }

    [Fact]
    public async Task Should_let_the_school_officer_of_02_001_sign_in()
    {
        var browser = await SignIn.OfficialAsync(portal, "truong.lhp@demo.gov.vn");

        var work = await HtmlPage.GetAsync(browser, "/work");

        Assert.Equal(HttpStatusCode.OK, work.Status);
        Assert.Contains("Ngô Thị Phong", work.Text);
    }
}
