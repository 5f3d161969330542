using System.Net;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Foundation;

/// <summary>What a citizen sees outside Development: localized error pages, never a stack trace.</summary>
public sealed class ErrorPageTests : IClassFixture<ErrorPageTests.StagingPortal>
{
    public sealed class StagingPortal() : PortalFactory("Staging");

    private readonly StagingPortal portal;

    public ErrorPageTests(StagingPortal portal) => this.portal = portal;

    [Theory]
    [InlineData("/", "Không tìm thấy trang")]
    [InlineData("/?culture=en", "Page not found")]
    public async Task Should_show_a_localized_not_found_page(string query, string heading)
    {
        var page = await HtmlPage.GetAsync(portal.Browser(), "/no/such/page" + query.TrimStart('/'));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains(heading, page.Text);
        Assert.DoesNotContain("Exception", page.Text);
    }
}
