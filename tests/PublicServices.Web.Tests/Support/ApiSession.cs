using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PublicServices.Platform.Identity;

namespace PublicServices.Web.Tests.Support;

/// <summary>An HTTP client signed in through <c>POST /api/v1/identity/login</c> with a bearer token.</summary>
public static class ApiSession
{
    public static async Task<HttpClient> SignInAsync(PortalFactory portal, string email, string password = DemoSeeder.DemoPassword, string? totpKey = null)
    {
        var client = portal.CreateClient();
        object body = totpKey is null
            ? new { email, password }
            : new { email, password, twoFactorCode = Totp.Code(totpKey, DateTimeOffset.UtcNow) };
        var response = await client.PostAsJsonAsync("/api/v1/identity/login", body);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static Task<HttpClient> SignInOfficialAsync(PortalFactory portal, string email) =>
        SignInAsync(portal, email, DemoSeeder.DemoPassword, DemoSeeder.DemoAuthenticatorKey);
}
