using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Hosting;

namespace PublicServices.Benchmarks.Registration;

/// <summary>
/// A fresh portal for a benchmark: its own data folder and database (a new SQLite file, or a new PostgreSQL database on
/// the server of <c>PUBLICSERVICES_TEST_POSTGRES</c>), the repository's workflows/ folder with the registration window
/// open (<see cref="RegistrationScenario.Settings"/>) and its units imported, and the configuration given both to the
/// in-process services (schema, accounts, tokens — not measured) and to the portal process that serves HTTP.
/// </summary>
public sealed class BenchPortal : IAsyncDisposable
{
    private readonly string? postgresDatabase;
    private readonly string? postgresServer;

    public string Folder { get; }
    public Dictionary<string, string?> Settings { get; }
    public WebApplication Services { get; }
    public bool Postgres => postgresDatabase is not null;

    private BenchPortal(string folder, Dictionary<string, string?> settings, WebApplication services, string? postgresServer, string? postgresDatabase)
    {
        Folder = folder;
        Settings = settings;
        Services = services;
        this.postgresServer = postgresServer;
        this.postgresDatabase = postgresDatabase;
    }

    public static async Task<BenchPortal> CreateAsync(bool postgres, string synchronous, IDictionary<string, string?>? extra = null)
    {
        var repo = EngineSqliteDriver.FindRepoRoot();
        // BENCH_FOLDER: go on with the database another run left there (a cohort stopped between phases); kept afterwards.
        var folder = Environment.GetEnvironmentVariable("BENCH_FOLDER") is { Length: > 0 } given ? given : Directory.CreateTempSubdirectory("ps-bench-load-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Database:DataPath"] = Path.Combine(folder, "data"),
            ["Database:SqliteSynchronous"] = synchronous,
            ["Workflows:Path"] = RegistrationScenario.WorkflowsPath(repo),
            ["Templates:Path"] = Path.Combine(repo, "templates"),
            ["Documents:Signing:GenerateDevelopmentCertificate"] = "true",
            ["Seed:Demo"] = "false",
        };
        foreach (var (key, value) in RegistrationScenario.Settings(DateTimeOffset.UtcNow))
            settings[key] = value;
        string? server = null, database = null;
        if (postgres)
        {
            server = Environment.GetEnvironmentVariable("PUBLICSERVICES_TEST_POSTGRES")
                     ?? throw new InvalidOperationException("PUBLICSERVICES_TEST_POSTGRES is not set (source /tmp/pgenv).");
            database = "ps_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
                await create.ExecuteNonQueryAsync();
            }
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Default"] = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 100 }.ToString();
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value;
        Directory.CreateDirectory(settings["Database:DataPath"]!);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark", ContentRootPath = WebRoot() });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration["Workers:Enabled"] = "false";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddPortalServices();
        var app = builder.Build();
        await app.PreparePortalAsync();
        await RegistrationScenario.ImportUnitsAsync(app.Services, repo);
        return new BenchPortal(folder, settings, app, server, database);
    }

    /// <summary>Applicant accounts inserted directly (no password: nobody signs in with them), in chunks;
    /// <paramref name="profile"/> may fill in the account's name, CCCD, date of birth and phone from the application.</summary>
    public async Task<IReadOnlyList<string>> CreateApplicantsAsync(int count, string prefix, Action<int, ApplicationUser>? profile = null)
    {
        var ids = new List<string>(count);
        for (var done = 0; done < count; done += 5000)
        {
            using var scope = Services.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + 5000); i++)
            {
                var email = $"{prefix}{i}@bench.example.vn";
                var user = new ApplicationUser
                {
                    Id = Guid.NewGuid().ToString(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                    NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"),
                    ConcurrencyStamp = Guid.NewGuid().ToString(), FullName = $"Thí sinh {i}", CreatedAt = DateTimeOffset.UtcNow,
                };
                profile?.Invoke(i, user);
                db.Users.Add(user);
                ids.Add(user.Id);
            }
            await db.SaveChangesAsync();
        }
        return ids;
    }

    /// <summary>
    /// Bearer tokens for the accounts, made as the portal's bearer handler makes them when
    /// <c>POST /api/v1/identity/login</c> has checked the password (the portal's claims factory, the scheme's ticket
    /// protector and expiry, the portal's data-protection keys (kept in the database, so the portal process reads them): the expensive PBKDF2 password
    /// check is the only thing skipped, and it is not part of what is measured.
    /// </summary>
    public async Task<string[]> MintTokensAsync(IReadOnlyList<string> userIds)
    {
        var tokens = new string[userIds.Count];
        for (var done = 0; done < userIds.Count; done += 1000)
        {
            using var scope = Services.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
            var bearer = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
            for (var i = done; i < Math.Min(userIds.Count, done + 1000); i++)
            {
                var user = await users.FindByIdAsync(userIds[i]) ?? throw new InvalidOperationException("account vanished");
                var principal = await factory.CreateAsync(user);
                // BearerTokenHandler.HandleSignInAsync: the ticket with its expiry, protected by the scheme's protector.
                var properties = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow + bearer.BearerTokenExpiration };
                tokens[i] = bearer.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, $"{IdentityConstants.BearerScheme}:AccessToken"));
            }
        }
        return tokens;
    }

    /// <summary>Starts the portal (the Web project's Release build) as its own process on a loopback port and waits for /health.</summary>
    public async Task<PortalProcess> StartPortalAsync(bool workers)
    {
        var port = FreePort();
        var web = WebRoot();
        var info = new ProcessStartInfo("dotnet", ["exec", Path.Combine(web, "PublicServices.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        info.Environment["Workers__Enabled"] = workers ? "true" : "false";
        foreach (var (key, value) in Settings)
            info.Environment[key.Replace(":", "__")] = value;
        var log = Path.Combine(Folder, "portal.log");
        var process = Process.Start(info)!;
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var probe = new HttpClient { BaseAddress = address };
        for (var attempt = 0; ; attempt++)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The portal stopped (exit {process.ExitCode}); see {log}");
            try
            {
                if ((await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                    break;
            }
            catch (HttpRequestException) when (attempt < 300)
            {
            }
            await Task.Delay(200);
        }
        return new PortalProcess(process, address, log, writer);
    }

    /// <summary>The Web project's build output of the same configuration as this program (built through the project reference).</summary>
    private static string WebRoot()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/Release/net10.0/
        var path = Path.Combine(EngineSqliteDriver.FindRepoRoot(), "src", "PublicServices.Web", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(path, "PublicServices.Web.dll"))
            ? path
            : throw new FileNotFoundException($"Build the portal first: dotnet build -c {configuration} src/PublicServices.Web ({path})");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (postgresDatabase is not null && Environment.GetEnvironmentVariable("BENCH_KEEP_DATABASE") is null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>The portal's process: its address, and its peak resident memory (VmHWM) read from /proc.</summary>
public sealed class PortalProcess(Process process, Uri address, string log, StreamWriter writer) : IAsyncDisposable
{
    public Uri Address => address;
    public string Log => log;
    public int Id => process.Id;

    public long PeakRssBytes => Memory.PeakRss(process.Id);

    /// <summary>CPU time the portal has used (user + system, all threads): on a shared machine CPU per submission is the
    /// steadier figure; 1 s of CPU per core per second is the rate the portal could reach alone.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }
        lock (writer)
            writer.Dispose();
        process.Dispose();
    }
}

public static class Memory
{
    /// <summary>Peak resident set size of a process (Linux /proc/PID/status VmHWM), in bytes; 0 elsewhere.</summary>
    public static long PeakRss(int pid) => Read(pid, "VmHWM:");

    public static long CurrentRss(int pid) => Read(pid, "VmRSS:");

    private static long Read(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0]) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
