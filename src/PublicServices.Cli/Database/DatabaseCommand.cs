using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Cli.Hosting;
using PublicServices.Platform.Persistence;

namespace PublicServices.Cli.Database;

/// <summary>
/// <c>publicservices db migrate</c> applies the schema scripts; <c>publicservices db script</c> prints the CREATE script
/// the EF model implies for the configured provider — the starting point when writing the next migration by hand.
/// </summary>
public static class DatabaseCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply pending schema migrations / Cập nhật lược đồ cơ sở dữ liệu");
        migrate.SetAction(async (_, ct) =>
        {
            await using var services = CliHost.Build();
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var applied = await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(db, ct);
            Console.WriteLine(applied.Count == 0 ? "Schema is up to date." : "Applied: " + string.Join(", ", applied));
            return 0;
        });

        var script = new Command("script", "Print the CREATE script of the current EF model / In kịch bản tạo lược đồ từ mô hình");
        script.SetAction(_ =>
        {
            using var services = CliHost.Build();
            using var scope = services.CreateScope();
            Console.WriteLine(scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GenerateCreateScript());
            return 0;
        });

        var db = new Command("db", "Database schema / Cơ sở dữ liệu");
        db.Subcommands.Add(migrate);
        db.Subcommands.Add(script);
        return db;
    }
}
