using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Engine;

public sealed class IncidentsApiTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public IncidentsApiTests(PortalFactory portal) => this.portal = portal;

    private async Task<(Guid Incident, Guid Message)> FailedMessageAsync()
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var message = new OutboxMessageRecord
        {
            Id = Guid.NewGuid(), Kind = "email", PayloadJson = "{}", Status = OutboxStatus.Failed, Attempts = 5,
            DueAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, LastError = "SMTP down",
        };
        var incident = new IncidentRecord
        {
            Id = Guid.NewGuid(), Source = "outbox", OutboxMessageId = message.Id, Error = "email: SMTP down", OccurredAt = DateTime.UtcNow,
        };
        db.AddRange(message, incident);
        await db.SaveChangesAsync();
        return (incident.Id, message.Id);
    }

    [Fact]
    public async Task Should_list_and_retry_an_incident_as_administrator()
    {
        var (incident, message) = await FailedMessageAsync();
        var admin = await ApiSession.SignInOfficialAsync(portal, "admin@demo.gov.vn");

        var list = await admin.GetFromJsonAsync<JsonArray>("/api/v1/admin/incidents");
        var retried = await admin.PostAsync($"/api/v1/admin/incidents/{incident}/retry", null);
        var again = await admin.PostAsync($"/api/v1/admin/incidents/{incident}/retry", null);
        var unknown = await admin.PostAsync($"/api/v1/admin/incidents/{Guid.NewGuid()}/retry", null);

        Assert.Contains(list!, i => i!["id"]!.GetValue<Guid>() == incident);
        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        using var scope = portal.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Outbox.SingleAsync(m => m.Id == message);
        Assert.Equal(OutboxStatus.Pending, stored.Status);
        Assert.Equal(0, stored.Attempts);
    }

    [Fact]
    public async Task Should_refuse_incidents_to_officials_and_applicants()
    {
        var (incident, _) = await FailedMessageAsync();
        var official = await ApiSession.SignInOfficialAsync(portal, "tiepnhan@demo.gov.vn");
        var applicant = await ApiSession.SignInAsync(portal, "nguyen.an@example.com");

        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync("/api/v1/admin/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsync($"/api/v1/admin/incidents/{incident}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.CreateClient().GetAsync("/api/v1/admin/incidents")).StatusCode);
    }
}
