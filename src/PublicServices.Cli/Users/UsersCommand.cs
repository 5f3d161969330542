using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Cli.Hosting;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;

namespace PublicServices.Cli.Users;

/// <summary>
/// <c>publicservices users add --email E --password P --role R [--role R2] [--unit U] [--name N]</c> creates an official or
/// administrator (officials are never self-registered); <c>publicservices users list</c> lists them.
/// </summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "E-mail (user name)", Required = true };
        var password = new Option<string>("--password") { Description = "Initial password", Required = true };
        var role = new Option<string[]>("--role") { Description = "Role (repeatable): admin, recognition-officer, …", Required = true, AllowMultipleArgumentsPerToken = true };
        var unit = new Option<string?>("--unit") { Description = "Unit code (school, department, recognition centre)" };
        var name = new Option<string?>("--name") { Description = "Full name" };

        var add = new Command("add", "Create an official or administrator / Tạo tài khoản cán bộ, quản trị") { email, password, role, unit, name };
        add.SetAction(async (parse, ct) =>
        {
            await using var services = await MigratedAsync(ct);
            using var scope = services.CreateScope();
            var accounts = scope.ServiceProvider.GetRequiredService<OfficialAccounts>();
            var address = parse.GetValue(email)!;
            var errors = await accounts.CreateAsync(address, parse.GetValue(password)!, parse.GetValue(name) ?? address,
                parse.GetValue(role) ?? [], parse.GetValue(unit), ct);
            foreach (var error in errors)
                Console.Error.WriteLine("error: " + error);
            if (errors.Count > 0)
                return 1;
            Console.WriteLine($"Created {address}. Two-factor sign-in will be set up at first sign-in.");
            return 0;
        });

        var list = new Command("list", "List officials and administrators / Danh sách cán bộ");
        list.SetAction(async (_, ct) =>
        {
            await using var services = await MigratedAsync(ct);
            using var scope = services.CreateScope();
            foreach (var (user, roles) in await scope.ServiceProvider.GetRequiredService<OfficialAccounts>().ListAsync(ct))
                Console.WriteLine($"{user.Email}\t{string.Join(",", roles)}\t{user.UnitCode ?? "-"}\t2FA:{(user.TwoFactorEnabled ? "on" : "off")}{(user.IsDisabled ? "\tdisabled" : "")}");
            return 0;
        });

        var users = new Command("users", "Accounts of officials and administrators / Tài khoản cán bộ");
        users.Subcommands.Add(add);
        users.Subcommands.Add(list);
        return users;
    }

    private static async Task<Microsoft.Extensions.DependencyInjection.ServiceProvider> MigratedAsync(CancellationToken ct)
    {
        var services = CliHost.Build();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(db, ct);
        return services;
    }
}
