using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PublicServices.Web.Tests.Support;

namespace PublicServices.Web.Tests.Foundation;

public sealed class IdentityApiTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public IdentityApiTests(PortalFactory portal) => this.portal = portal;

    [Fact]
    public async Task Should_register_and_sign_in_with_a_bearer_token()
    {
        var client = portal.CreateClient();
        var credentials = new { email = "api-user@example.com", password = "Secret@123" };

        var registered = await client.PostAsJsonAsync("/api/v1/identity/register", credentials);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);

        var login = await client.PostAsJsonAsync("/api/v1/identity/login", credentials);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();

        var anonymous = await client.GetAsync("/api/v1/identity/manage/info");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/identity/manage/info");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var info = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        Assert.Equal("api-user@example.com", (await info.Content.ReadFromJsonAsync<JsonObject>())!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_refuse_a_wrong_password_without_a_token()
    {
        var response = await portal.CreateClient().PostAsJsonAsync("/api/v1/identity/login", new { email = "nguyen.an@example.com", password = "Wrong@999" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("accessToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_answer_a_weak_password_with_a_validation_problem()
    {
        var response = await portal.CreateClient().PostAsJsonAsync("/api/v1/identity/register", new { email = "weak@example.com", password = "abc" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("PasswordTooShort", await response.Content.ReadAsStringAsync());
    }
}
