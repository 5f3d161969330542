using System.CommandLine;
using PublicServices.Cli.Users;

namespace PublicServices.Cli.Tests.Users;

/// <summary>The `users` verbs against a real SQLite file chosen through the same environment variables as the web app.</summary>
public sealed class UsersCommandTests : CliDatabaseTest
{
    protected override IEnumerable<Command> Commands() => [UsersCommand.Create()];

    [Fact]
    public async Task Should_create_an_administrator_and_list_it()
    {
        var added = await RunAsync("users", "add", "--email", "root@example.gov.vn", "--password", "Admin@12345", "--role", "admin");
        var listed = await RunAsync("users", "list");

        Assert.Equal(0, added.Exit);
        Assert.Equal(0, listed.Exit);
        Assert.Contains("root@example.gov.vn\tadmin\t-\t2FA:off", listed.Out);
    }

    [Fact]
    public async Task Should_refuse_an_official_without_a_known_unit_and_create_nothing()
    {
        var noUnit = await RunAsync("users", "add", "--email", "a@example.gov.vn", "--password", "Admin@12345", "--role", "school-officer");
        var badUnit = await RunAsync("users", "add", "--email", "b@example.gov.vn", "--password", "Admin@12345", "--role", "school-officer", "--unit", "nowhere");
        var weak = await RunAsync("users", "add", "--email", "c@example.gov.vn", "--password", "weak", "--role", "admin");
        var listed = await RunAsync("users", "list");

        Assert.Equal(1, noUnit.Exit);
        Assert.Contains("needs a unit", noUnit.Err);
        Assert.Equal(1, badUnit.Exit);
        Assert.Contains("Unknown unit 'nowhere'", badUnit.Err);
        Assert.Equal(1, weak.Exit);
        Assert.DoesNotContain("@example.gov.vn", listed.Out);
    }
}
