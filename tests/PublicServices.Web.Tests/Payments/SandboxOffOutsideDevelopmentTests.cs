using System.Net;
using PublicServices.Web.Tests.Foundation;

namespace PublicServices.Web.Tests.Payments;

/// <summary>The sandbox takes no real money and the mail drop is for developers: outside Development neither exists.</summary>
public sealed class SandboxOffOutsideDevelopmentTests : IClassFixture<ErrorPageTests.StagingPortal>
{
    private readonly ErrorPageTests.StagingPortal portal;

    public SandboxOffOutsideDevelopmentTests(ErrorPageTests.StagingPortal portal) => this.portal = portal;

    [Fact]
    public async Task Should_not_serve_the_sandbox_gateway_or_accept_its_notifications()
    {
        var client = portal.CreateClient();

        var page = await client.GetAsync("/sandbox-gateway/SGD-01-261125-0001-01");
        var notify = await client.PostAsync("/payments/sandbox/notify", new FormUrlEncodedContent([new("paymentRef", "x")]));
        var back = await client.GetAsync("/payments/sandbox/return?paymentRef=x");
        var mailbox = await client.GetAsync("/dev/mailbox");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notify.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, back.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, mailbox.StatusCode); // the development mailbox neither
    }
}
