using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PublicServices.Platform.Persistence;

public static class PersistenceExtensions
{
    /// <summary>
    /// Reads <c>Database:Provider</c>, <c>Database:DataPath</c> and <c>ConnectionStrings:Default</c> and registers
    /// <see cref="AppDbContext"/> on SQLite (default) or PostgreSQL, plus the schema migrator.
    /// </summary>
    public static IServiceCollection AddPlatformPersistence(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = ResolveOptions(configuration, contentRoot);
        services.AddSingleton(options);
        // Pooled contexts: creating one (its internal service scope, the options) was ≈ 10 % of a submission's CPU.
        // The scope's context and the factory's contexts come from the same pool; a context goes back to it on dispose.
        services.AddPooledDbContextFactory<AppDbContext>(db => Configure(db, options));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddSingleton<SchemaMigrator>();
        // SQLite: one set of turns per database file, shared with its contexts' short writes (AppDbContext.SaveChanges).
        services.AddSingleton(_ => options.Provider == DatabaseProvider.Sqlite ? WriterTurns.ForSqlite(options.ConnectionString!) : new WriterTurns());
        if (SqliteLogSyncer.LogOf(options) is { } log)
            services.AddSingleton(provider => new SqliteLogSyncer(log, provider.GetService<ILogger<SqliteLogSyncer>>()));
        // Runs only where hosted services run (the portal); the CLI keeps SQLite's automatic checkpoints.
        services.AddHostedService<SqliteCheckpointer>();
        return services;
    }

    public static DatabaseOptions ResolveOptions(IConfiguration configuration, string contentRoot)
    {
        var options = new DatabaseOptions();
        configuration.GetSection("Database").Bind(options);
        options.DataPath = Path.GetFullPath(Path.Combine(contentRoot, options.DataPath));
        options.ConnectionString = configuration.GetConnectionString("Default") is { Length: > 0 } cs
            ? cs
            : options.Provider == DatabaseProvider.Sqlite
                ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(options.DataPath, "publicservices.db") }.ToString()
                : throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Default is empty / Thiếu chuỗi kết nối PostgreSQL (ConnectionStrings__Default).");
        return options;
    }

    public static void Configure(DbContextOptionsBuilder db, DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Postgres)
            db.UseNpgsql(options.ConnectionString);
        else
            db.UseSqlite(options.ConnectionString)
                .AddInterceptors(SqlitePragmas.For(options.SqliteSynchronous is "NORMAL" or "OFF" ? options.SqliteSynchronous : null));
    }
}
